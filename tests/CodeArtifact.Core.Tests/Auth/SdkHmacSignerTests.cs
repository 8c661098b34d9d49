using System.Text;
using CodeArtifact.Core.Auth;

namespace CodeArtifact.Core.Tests.Auth;

public sealed class SdkHmacSignerTests
{
    private static readonly byte[] SecretKey = Encoding.UTF8.GetBytes("SecretKey");

    private static SignedRequest SignVector(string method, string url, string date, string body, params (string Name, string Value)[] extraHeaders)
    {
        var uri = new Uri(url);
        var headers = new List<KeyValuePair<string, string>> { new("Host", uri.Host), new("X-Sdk-Date", date) };
        headers.AddRange(extraHeaders.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)));
        return SdkHmacSigner.Sign(method, uri.AbsolutePath, SdkHmacSigner.ParseQuery(uri.Query), headers, Encoding.UTF8.GetBytes(body), "AccessKey", SecretKey);
    }

    [Fact]
    public void Should_Match_Sdk_Vector_For_Get_With_Underscore_Header()
    {
        var signed = SignVector("GET", "https://service.endpoint.myhuaweicloud.com/resources?size=1", "20200608T023900Z", "", ("TEST_UNDERSCORE", "TEST_VALUE"));
        Assert.Equal("host;x-sdk-date", signed.SignedHeaders);
        Assert.Equal("cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842", signed.Signature);
    }

    [Fact]
    public void Should_Match_Sdk_Vector_For_Post_With_Body()
    {
        var signed = SignVector("POST", "https://service.endpoint.myhuaweicloud.com/resources?size=1", "20200608T023900Z", "{\"name\":\"test\",\"id\":1}", ("TEST_UNDERSCORE", "TEST_VALUE"));
        Assert.Equal("436b1ac0a1ae03705934bb70ef2f2e09f7bfed2117d731a38235053199323a1f", signed.Signature);
    }

    [Fact]
    public void Should_Match_Sdk_Vector_For_Get_With_Two_Query_Keys()
    {
        var signed = SignVector("GET", "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0", "20191115T033655Z", "");
        Assert.Equal("fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d", signed.Signature);
    }

    [Fact]
    public void Should_Match_Sdk_Vector_For_Post_Without_Query()
    {
        var signed = SignVector("POST", "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123", "20191115T033655Z", "{\"key\":\"value\"}");
        Assert.Equal("b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771", signed.Signature);
        Assert.Equal("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771", signed.Authorization);
    }

    // The next two vectors were computed outside this code base, with Python's hashlib and hmac
    // from the canonical request written out by hand (the first also with
    // `printf '<canonical request>' | openssl dgst -sha256` and
    // `printf 'SDK-HMAC-SHA256\n20191115T033655Z\n<that hash>' | openssl dgst -sha256 -hmac SecretKey`):
    //   PUT\n/v1/77b6a44cba5143ab91d13ab9a8ff44fd/upload/\nname=app.zip\n
    //   host:service.region.example.com\nx-sdk-content-sha256:UNSIGNED-PAYLOAD\nx-sdk-date:20191115T033655Z\n\n
    //   host;x-sdk-content-sha256;x-sdk-date\nUNSIGNED-PAYLOAD
    [Fact]
    public void Should_Use_A_Declared_Unsigned_Payload_Instead_Of_Hashing_The_Body()
    {
        var signed = SignVector(
            "PUT", "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/upload?name=app.zip", "20191115T033655Z",
            "streamed bytes that are not signed", ("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD"));

        Assert.Equal("host;x-sdk-content-sha256;x-sdk-date", signed.SignedHeaders);
        Assert.Equal("6f003595f2b6b1e554d032b7811327756aeae8014be89daa26ecacfc1bbe43f1", signed.Signature);
    }

    // As above, with the payload hash sha256("abc") = ba7816bf…15ad declared for an empty body:
    //   POST\n/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123/\n\nhost:service.region.example.com\n
    //   x-sdk-content-sha256:ba7816bf…15ad\nx-sdk-date:20191115T033655Z\n\nhost;x-sdk-content-sha256;x-sdk-date\nba7816bf…15ad
    [Fact]
    public void Should_Use_A_Declared_Payload_Hash_As_Given()
    {
        const string abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        var signed = SignVector(
            "POST", "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123", "20191115T033655Z", "",
            ("x-sdk-content-sha256", " " + abc + " "));

        Assert.Equal("31a5a04d4f27f5cb168fbe0044f86e3a82f82e636718d9a49fe7fa113688c24c", signed.Signature);
    }

    [Fact]
    public void Should_Ignore_The_Body_Only_If_The_Payload_Is_Declared()
    {
        var unsignedFirst = SignVector("PUT", "https://h.example.com/a", "20200608T023900Z", "[1]", ("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD"));
        var unsignedSecond = SignVector("PUT", "https://h.example.com/a", "20200608T023900Z", "[2]", ("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD"));
        var hashedFirst = SignVector("PUT", "https://h.example.com/a", "20200608T023900Z", "[1]");
        var hashedSecond = SignVector("PUT", "https://h.example.com/a", "20200608T023900Z", "[2]");

        Assert.Equal(unsignedFirst.Signature, unsignedSecond.Signature);
        Assert.NotEqual(hashedFirst.Signature, hashedSecond.Signature);
    }

    [Fact]
    public void Should_Canonicalise_Query_Vector()
    {
        var pairs = new List<KeyValuePair<string, string>>
        {
            new("test", "一 (&=?!#%.*)"), new("multi", "3"), new("multi", "1"), new("multi", "2"),
            new("path", "/tmp/123"), new("limit", "1"), new("enable", "true"),
        };
        Assert.Equal(
            "enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29",
            SdkHmacSigner.CanonicalQuery(pairs));
    }

    [Theory]
    [InlineData("a b", "a%20b")]
    [InlineData("a+b", "a%2Bb")]
    [InlineData("~-_.", "~-_.")]
    [InlineData("é", "%C3%A9")]
    [InlineData("😀", "%F0%9F%98%80")]
    public void Should_Encode_As_The_Gateway_Does(string input, string expected) =>
        Assert.Equal(expected, SdkHmacSigner.Encode(input));

    [Theory]
    [InlineData("/", "/")]
    [InlineData("", "/")]
    [InlineData("/a b/c", "/a%20b/c/")]
    [InlineData("/a%20b/c/", "/a%20b/c/")]
    [InlineData("/v1/%E4%B8%80", "/v1/%E4%B8%80/")]
    public void Should_Canonicalise_Uri_Segments(string path, string expected) =>
        Assert.Equal(expected, SdkHmacSigner.CanonicalUri(path));

    [Fact]
    public void Should_Include_Blank_Line_Before_Signed_Headers()
    {
        var headers = SdkHmacSigner.SignableHeaders([new("Host", "h"), new("X-Sdk-Date", "20200101T000000Z")]);
        var canonical = SdkHmacSigner.CanonicalRequest("get", "/x", [], headers, SdkHmacSigner.EmptyPayloadHash);
        Assert.Equal("GET\n/x/\n\nhost:h\nx-sdk-date:20200101T000000Z\n\nhost;x-sdk-date\n" + SdkHmacSigner.EmptyPayloadHash, canonical);
    }

    [Fact]
    public void Should_Sign_Security_Token_When_Sent()
    {
        var withToken = SignVector("GET", "https://h.example.com/a", "20200608T023900Z", "", ("X-Security-Token", " Zq9secretValue "));
        var without = SignVector("GET", "https://h.example.com/a", "20200608T023900Z", "");
        Assert.Equal("host;x-sdk-date;x-security-token", withToken.SignedHeaders);
        Assert.NotEqual(without.Signature, withToken.Signature);
        Assert.DoesNotContain("Zq9secretValue", withToken.ToString());
    }

    [Fact]
    public void Should_Change_Signature_When_Body_Changes()
    {
        var a = SignVector("PUT", "https://h.example.com/a", "20200608T023900Z", "[1]");
        var b = SignVector("PUT", "https://h.example.com/a", "20200608T023900Z", "[2]");
        var empty = SignVector("PUT", "https://h.example.com/a", "20200608T023900Z", "");
        Assert.NotEqual(a.Signature, b.Signature);
        Assert.NotEqual(a.Signature, empty.Signature);
    }

    [Fact]
    public void Should_Treat_Repeated_Keys_Independently_Of_Order()
    {
        var first = SignVector("GET", "https://h.example.com/a?k=2&k=1&a=%20", "20200608T023900Z", "");
        var second = SignVector("GET", "https://h.example.com/a?a=%20&k=1&k=2", "20200608T023900Z", "");
        Assert.Equal(first.Signature, second.Signature);
    }

    [Fact]
    public void Should_Parse_The_Authorization_Header_It_Writes()
    {
        var signed = SignVector("GET", "https://h.example.com/a", "20200608T023900Z", "");
        Assert.True(SdkHmacSigner.TryParseAuthorization(signed.Authorization, out var ak, out var names, out var signature));
        Assert.Equal("AccessKey", ak);
        Assert.Equal(["host", "x-sdk-date"], names);
        Assert.Equal(signed.Signature, signature);
        Assert.False(SdkHmacSigner.TryParseAuthorization("Basic abc", out _, out _, out _));
    }

    [Fact]
    public void Should_Round_Trip_Sdk_Date()
    {
        var instant = new DateTimeOffset(2020, 6, 8, 2, 39, 0, TimeSpan.Zero);
        Assert.Equal("20200608T023900Z", SdkHmacSigner.FormatDate(instant));
        Assert.True(SdkHmacSigner.TryParseDate("20200608T023900Z", out var parsed));
        Assert.Equal(instant, parsed);
        Assert.False(SdkHmacSigner.TryParseDate("2020-06-08T02:39:00Z", out _));
    }
}
