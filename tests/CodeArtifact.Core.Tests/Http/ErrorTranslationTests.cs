using System.Net;
using System.Text;
using CodeArtifact.Core.Auth;
using CodeArtifact.Core.Http;

namespace CodeArtifact.Core.Tests.Http;

/// <summary>One test per error shape the service, its gateway, IAM and proxies send.</summary>
public sealed class ErrorTranslationTests
{
    private static async Task<CodeArtifactException> FailWith(HttpResponseMessage answer, Action<CodeArtifactClientOptions>? configure = null)
    {
        using var client = new TestClient(_ => answer, o =>
        {
            o.MaxRetries = 0;
            configure?.Invoke(o);
        });
        return await Assert.ThrowsAsync<CodeArtifactException>(() => client.SendAsync());
    }

    [Fact]
    public async Task Should_Report_Permission_Advice_If_CR_4102()
    {
        var error = await FailWith(FakeHttpHandler.Json(HttpStatusCode.Forbidden,
            "{\"error_code\":\"CR.4102\",\"error_msg\":\"当前用户没有该项目权限\",\"status\":\"error\",\"trace_id\":\"143002-1701223356546-449\"}"));

        Assert.Equal(ErrorCodes.PermissionDenied, error.Code);
        Assert.Equal(403, error.HttpStatus);
        Assert.Equal("CR.4102", error.ServiceErrorCode);
        Assert.Equal("当前用户没有该项目权限", error.ServiceMessage);
        Assert.Equal("143002-1701223356546-449", error.TraceId);
        Assert.Equal("ShowFileTree", error.Operation);
        Assert.StartsWith("ShowFileTree failed: HTTP 403", error.Message);
        Assert.Contains("member of project " + TestSecrets.ProjectId, error.Message);
        Assert.Contains("143002-1701223356546-449", error.Message);
    }

    [Fact]
    public async Task Should_Report_Service_Error_If_CR_5000()
    {
        var error = await FailWith(FakeHttpHandler.Json(HttpStatusCode.InternalServerError,
            "{\"error_code\":\"CR.5000\",\"error_msg\":\"Unknown error\",\"status\":\"error\",\"trace_id\":\"9-9-9\"}"));

        Assert.Equal(ErrorCodes.ServiceError, error.Code);
        Assert.Equal("CR.5000", error.ServiceErrorCode);
        Assert.Contains("try again later", error.Message);
        Assert.Contains("9-9-9", error.Message);
    }

    [Fact]
    public async Task Should_Report_Signature_Advice_If_APIGW_0301()
    {
        var error = await FailWith(FakeHttpHandler.Json(HttpStatusCode.Unauthorized,
            "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information: verify aksk signature fail\",\"request_id\":\"req-0301\"}"));

        Assert.Equal(ErrorCodes.AuthenticationFailed, error.Code);
        Assert.Equal("APIGW.0301", error.ServiceErrorCode);
        Assert.Equal("req-0301", error.TraceId);
        Assert.Contains("HUAWEICLOUD_SDK_SK", error.Message);
        Assert.Contains("clock", error.Message);
    }

    [Fact]
    public async Task Should_Report_Endpoint_Advice_If_APIGW_0101()
    {
        var error = await FailWith(FakeHttpHandler.Json(HttpStatusCode.NotFound,
            "{\"error_code\":\"APIGW.0101\",\"error_msg\":\"The API does not exist or has not been published in the environment\",\"request_id\":\"req-0101\"}"));

        Assert.Equal(ErrorCodes.NotFound, error.Code);
        Assert.Equal("APIGW.0101", error.ServiceErrorCode);
        Assert.Contains("Endpoint or Region", error.Message);
    }

    [Fact]
    public async Task Should_Report_Throttling_If_APIGW_0308()
    {
        var error = await FailWith(FakeHttpHandler.Json(HttpStatusCode.TooManyRequests,
            "{\"error_code\":\"APIGW.0308\",\"error_msg\":\"The throttling threshold has been reached\",\"request_id\":\"req-0308\"}"));

        Assert.Equal(ErrorCodes.Throttled, error.Code);
        Assert.Equal(429, error.HttpStatus);
        Assert.Contains("MaxConcurrency", error.Message);
    }

    [Fact]
    public async Task Should_Report_Token_Renewal_If_APIGW_0307_With_Preissued_Token()
    {
        var error = await FailWith(
            FakeHttpHandler.Json(HttpStatusCode.Unauthorized, "{\"error_code\":\"APIGW.0307\",\"error_msg\":\"The token must be updated.\",\"request_id\":\"r\"}"),
            o => o.Credentials = new TokenCredentials(new Secret(TestSecrets.AuthToken)));

        Assert.Equal(ErrorCodes.AuthenticationFailed, error.Code);
        Assert.Contains("CODEARTIFACT_AUTH_TOKEN", error.Message);
    }

    [Fact]
    public async Task Should_Show_Sanitized_Excerpt_If_Proxy_Answers_With_Html()
    {
        var error = await FailWith(FakeHttpHandler.Html(HttpStatusCode.Forbidden,
            "<html><head><title>Access Denied</title><script>var secret='x';</script></head><body><h1>Blocked by proxy</h1><p>Policy &amp; rules</p></body></html>"));

        Assert.Equal(ErrorCodes.PermissionDenied, error.Code);
        Assert.Contains("HTML page", error.Message);
        Assert.Contains("Access Denied", error.Message);
        Assert.Contains("Blocked by proxy", error.Message);
        Assert.Contains("Policy & rules", error.Message);
        Assert.DoesNotContain("<", error.Message);
        Assert.DoesNotContain("var secret", error.Message);
    }

    [Fact]
    public async Task Should_Report_Invalid_Response_If_Json_Is_Truncated()
    {
        var error = await FailWith(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("{\"status\":\"success\",\"result\":{\"name\":\"o", Encoding.UTF8, "application/json"),
        });

        Assert.Equal(ErrorCodes.InvalidResponse, error.Code);
        Assert.Contains("ShowFileTree", error.Message);
        Assert.Contains("truncated or invalid", error.Message);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(error.InnerException);
    }

    [Fact]
    public async Task Should_Fail_If_Status_Is_Error_Under_Http_200()
    {
        var error = await FailWith(FakeHttpHandler.Json(HttpStatusCode.OK,
            "{\"status\":\"error\",\"trace_id\":\"t-200\",\"error_code\":\"CR.4102\",\"error_msg\":\"no permission\",\"result\":null}"));

        Assert.Equal(ErrorCodes.ErrorStatus, error.Code);
        Assert.Equal(200, error.HttpStatus);
        Assert.Equal("CR.4102", error.ServiceErrorCode);
        Assert.Equal("t-200", error.TraceId);
        Assert.Contains("status \"error\"", error.Message);
        Assert.Contains("member of project", error.Message);
    }

    [Fact]
    public async Task Should_Fail_If_Status_Error_Comes_After_A_Result_Of_Another_Shape()
    {
        var error = await FailWith(FakeHttpHandler.Json(HttpStatusCode.OK,
            "{\"result\":\"not an object\",\"status\":\"error\",\"error_code\":\"CR.5000\"}"));

        Assert.Equal(ErrorCodes.ErrorStatus, error.Code);
        Assert.Equal("CR.5000", error.ServiceErrorCode);
    }

    [Fact]
    public async Task Should_Read_Code_And_Message_Fallback_And_Request_Id_Header()
    {
        var error = await FailWith(FakeHttpHandler.Json(HttpStatusCode.BadRequest,
            "{\"code\":\"AS.0001\",\"message\":\"bad value of path\"}", ("X-Request-Id", "hdr-request-id")));

        Assert.Equal(ErrorCodes.BadRequest, error.Code);
        Assert.Equal("AS.0001", error.ServiceErrorCode);
        Assert.Equal("bad value of path", error.ServiceMessage);
        Assert.Equal("hdr-request-id", error.TraceId);
    }

    [Fact]
    public async Task Should_Read_Iam_Nested_Error()
    {
        var error = await FailWith(FakeHttpHandler.Json(HttpStatusCode.Unauthorized,
            "{\"error\":{\"code\":401,\"message\":\"The username or password is wrong.\",\"title\":\"Unauthorized\"}}"));

        Assert.Equal("401", error.ServiceErrorCode);
        Assert.Equal("The username or password is wrong.", error.ServiceMessage);
    }

    [Fact]
    public async Task Should_Say_So_If_Error_Body_Is_Truncated()
    {
        var error = await FailWith(FakeHttpHandler.Json(HttpStatusCode.Forbidden, "{\"error_code\":\"CR.4102\",\"error_m"));

        Assert.Equal(ErrorCodes.PermissionDenied, error.Code);
        Assert.Equal("CR.4102", error.ServiceErrorCode);
        Assert.Contains("truncated or invalid JSON", error.Message);
    }

    [Fact]
    public async Task Should_Report_Html_If_Success_Answer_Is_A_Page()
    {
        var error = await FailWith(FakeHttpHandler.Html(HttpStatusCode.OK, "<html><title>Sign in to the proxy</title></html>"));

        Assert.Equal(ErrorCodes.InvalidResponse, error.Code);
        Assert.Contains("HTML page", error.Message);
        Assert.Contains("Sign in to the proxy", error.Message);
    }

    [Fact]
    public async Task Should_Report_Result_Of_Wrong_Shape()
    {
        var error = await FailWith(FakeHttpHandler.Ok("[1,2,3]"));

        Assert.Equal(ErrorCodes.InvalidResponse, error.Code);
        Assert.Contains("\"result\" does not have the documented shape", error.Message);
    }

    [Fact]
    public async Task Should_Report_Missing_Result()
    {
        var error = await FailWith(FakeHttpHandler.Json(HttpStatusCode.OK, "{\"status\":\"success\",\"trace_id\":\"x\"}"));

        Assert.Equal(ErrorCodes.InvalidResponse, error.Code);
        Assert.Contains("no \"result\"", error.Message);
    }
}
