using System.Net;
using System.Text.RegularExpressions;

namespace CodeArtifact.Core.Http;

/// <summary>
/// Where the client may send requests: HTTPS anywhere, plain HTTP only to a loopback host (the
/// emulator) or when <c>AllowInsecureHttp</c> is set; and the endpoints a region gives.
/// </summary>
internal static partial class EndpointPolicy
{
    /// <summary>Refuses an address the client must not use; the exception names <paramref name="parameterName"/>.</summary>
    public static Uri Check(Uri uri, string parameterName, bool allowInsecureHttp)
    {
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw CodeArtifactException.Invalid(
                parameterName,
                $"Invalid {parameterName} \"{uri}\": give an absolute https:// address, such as https://artifact.ap-southeast-3.myhuaweicloud.com.");
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            throw CodeArtifactException.Invalid(
                parameterName,
                $"Invalid {parameterName}: the address must not carry a user name or password; credentials come from the environment or the credentials file.");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !allowInsecureHttp && !IsLoopback(uri))
        {
            throw new CodeArtifactException(
                ErrorCodes.InsecureEndpoint,
                $"{parameterName} \"{uri.GetLeftPart(UriPartial.Authority)}\" uses plain http:// to a host that is not this machine, which would send credentials unencrypted. Use https://, or set AllowInsecureHttp to true if this is really intended.")
            {
                ParameterName = parameterName,
            };
        }

        return uri;
    }

    /// <summary>True for <c>localhost</c>, <c>127.0.0.0/8</c> and <c>::1</c>.</summary>
    public static bool IsLoopback(Uri uri) =>
        string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>True when <paramref name="region"/> looks like a Huawei Cloud region id (<c>ap-southeast-3</c>, <c>cn-north-4</c>).</summary>
    public static bool IsRegion(string region) => RegionPattern().IsMatch(region);

    public static Uri ArtifactEndpoint(string region) => new($"https://artifact.{region}.myhuaweicloud.com");

    public static Uri IamEndpoint(string region) => new($"https://iam.{region}.myhuaweicloud.com");

    [GeneratedRegex("^[a-z]{2}-[a-z]+(-[a-z]+)?-[0-9]{1,3}[a-z]?$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();
}
