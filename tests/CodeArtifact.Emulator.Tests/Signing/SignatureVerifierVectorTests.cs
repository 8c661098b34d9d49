using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using CodeArtifact.Emulator.Auth.Signing;

namespace CodeArtifact.Emulator.Tests.Signing;

/// <summary>The public vectors of the official SDKs (DESIGN.md "AK/SK signing"), checked by the emulator's own verifier.</summary>
public sealed class SignatureVerifierVectorTests
{
    private const string SecretKey = "SecretKey";

    public static TheoryData<string, string, string, string, string, string> Vectors => new()
    {
        { "GET", "service.endpoint.myhuaweicloud.com", "/resources?size=1", "20200608T023900Z", "", "cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842" },
        { "POST", "service.endpoint.myhuaweicloud.com", "/resources?size=1", "20200608T023900Z", "{\"name\":\"test\",\"id\":1}", "436b1ac0a1ae03705934bb70ef2f2e09f7bfed2117d731a38235053199323a1f" },
        { "GET", "service.region.example.com", "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0", "20191115T033655Z", "", "fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d" },
        { "POST", "service.region.example.com", "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123", "20191115T033655Z", "{\"key\":\"value\"}", "b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Should_Accept_The_Sdk_Vector(string method, string host, string target, string date, string body, string signature)
    {
        var request = Vector(method, host, target, date, body, signature);

        Assert.Null(request.Verify(SecretKey, Instant(date)));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Should_Refuse_The_Sdk_Vector_With_One_Signature_Digit_Changed(string method, string host, string target, string date, string body, string signature)
    {
        var changed = (signature[0] == '0' ? "1" : "0") + signature[1..];
        var request = Vector(method, host, target, date, body, changed);

        Assert.Equal("signature mismatch", request.Verify(SecretKey, Instant(date)));
    }

    [Fact]
    public void Should_Canonicalise_The_Sdk_Query_Vector_From_Any_Legal_Escaping()
    {
        const string expected = "enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29";

        Assert.Equal(expected, GatewayCanonicalRequest.Query("test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29&multi=3&multi=1&multi=2&path=%2Ftmp%2F123&limit=1&enable=true"));
        Assert.Equal(expected, GatewayCanonicalRequest.Query("multi=2&&test=%e4%b8%80%20(%26%3D%3F!%23%25.*)&path=/tmp/123&multi=3&enable=true&multi=1&limit=1"));
    }

    [Theory]
    [InlineData("", "/")]
    [InlineData("/", "/")]
    [InlineData("/a b/c", "/a%20b/c/")]
    [InlineData("/a%20b/c/", "/a%20b/c/")]
    [InlineData("/a//b", "/a//b/")]
    [InlineData("/x/a%2Fb", "/x/a%2Fb/")]
    [InlineData("/v1/%e4%b8%80/~:@!", "/v1/%E4%B8%80/~%3A%40%21/")]
    [InlineData("/1+1/%7E/100%", "/1%2B1/~/100%25/")]
    [InlineData("/ü", "/%C3%BC/")]
    public void Should_Canonicalise_The_Raw_Path(string rawPath, string expected) =>
        Assert.Equal(expected, GatewayCanonicalRequest.Uri(rawPath));

    [Theory]
    [InlineData("k", "k=")]
    [InlineData("b=2&a=&a=1", "a=&a=1&b=2")]
    [InlineData("q=a+b", "q=a%2Bb")]
    [InlineData("q=x%3Dy=z", "q=x%3Dy%3Dz")]
    [InlineData("v=%C3%A9&v=a&v=~", "v=%C3%A9&v=a&v=~")]
    public void Should_Canonicalise_The_Raw_Query(string rawQuery, string expected) =>
        Assert.Equal(expected, GatewayCanonicalRequest.Query(rawQuery));

    [Fact]
    public void Should_Not_Use_The_Client_Signer_Anywhere_In_The_Emulator()
    {
        // The emulator may reference Core for other things, but never its signer.
        using var stream = File.OpenRead(typeof(SignatureVerifier).Assembly.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var referenced = metadata.TypeReferences
            .Select(handle => metadata.GetTypeReference(handle))
            .Select(type => metadata.GetString(type.Namespace) + "." + metadata.GetString(type.Name))
            .ToList();

        Assert.Contains("System.Security.Cryptography.HMACSHA256", referenced);
        Assert.DoesNotContain(referenced, name => name.StartsWith("CodeArtifact.Core.Auth.", StringComparison.Ordinal));
    }

    private static WireRequest Vector(string method, string host, string target, string date, string body, string signature) =>
        new(method, target,
            [
                new("Host", host),
                new("X-Sdk-Date", date),
                new("TEST_UNDERSCORE", "TEST_VALUE"),
                new("Authorization", $"SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature={signature}"),
            ],
            Encoding.UTF8.GetBytes(body));

    private static DateTimeOffset Instant(string sdkDate) =>
        DateTimeOffset.ParseExact(sdkDate, "yyyyMMdd'T'HHmmss'Z'", null, System.Globalization.DateTimeStyles.AssumeUniversal);
}
