using Cake.Core;

namespace Cake.CodeArtifact.Tests;

/// <summary>What every failure of an alias must be: a CakeException whose message starts with the code, carrying the addin's typed exception.</summary>
internal static class Assertions
{
    public static TInner IsCodedCakeException<TInner>(Exception? exception, string code)
        where TInner : CodeArtifactAliasException
    {
        var cake = Assert.IsType<CakeException>(exception);
        Assert.StartsWith(code + ": ", cake.Message, StringComparison.Ordinal);
        var inner = Assert.IsAssignableFrom<TInner>(cake.InnerException);
        Assert.Equal(code, inner.Code);
        Assert.Equal(cake.Message, inner.Message);
        return inner;
    }

    public static void IsArgumentNullException(Exception? exception, string parameterName)
    {
        var argument = Assert.IsType<ArgumentNullException>(exception);
        Assert.Equal(parameterName, argument.ParamName);
    }

    public static void ContainsNoSecret(string text, IEnumerable<string> secrets)
    {
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }
}
