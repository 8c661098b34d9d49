using CodeArtifact.Core.Auth;
using CodeArtifact.Core.Tests.Http;

namespace CodeArtifact.Core.Tests.Auth;

public sealed class CredentialChainTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("cart-home-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private static CodeArtifactConnectionSettings Settings(
        string? accessKey = null, string? userName = null, string? domainName = null, string? credentialsFile = null, string? projectId = null) => new()
    {
        Region = "ap-southeast-3",
        AccessKey = accessKey,
        UserName = userName,
        DomainName = domainName,
        CredentialsFile = credentialsFile,
        ProjectId = projectId,
    };

    private Dictionary<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var environment = new Dictionary<string, string?> { ["HOME"] = _home };
        foreach (var (name, value) in variables)
        {
            environment[name] = value;
        }

        return environment;
    }

    private string WriteProfile(string text)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_home, ".huaweicloud"));
        var path = Path.Combine(folder.FullName, "credentials");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Should_Take_Ak_Sk_From_Sdk_Environment_Variables()
    {
        var options = CredentialChain.Resolve(Settings(), Environment(
            ("HUAWEICLOUD_SDK_AK", "AKENV"), ("HUAWEICLOUD_SDK_SK", "sk-env"), ("HUAWEICLOUD_SDK_SECURITY_TOKEN", "st-env"),
            ("HUAWEICLOUD_SDK_PROJECT_ID", TestSecrets.ProjectId), ("HUAWEICLOUD_SDK_DOMAIN_ID", "domainid0001")));

        var ak = Assert.IsType<AccessKeyCredentials>(options.Credentials);
        Assert.Equal("AKENV", ak.AccessKey);
        Assert.Equal("sk-env", ak.SecretKey.Reveal());
        Assert.Equal("st-env", ak.SecurityToken!.Reveal());
        Assert.Equal(TestSecrets.ProjectId, options.ProjectId);
        Assert.Equal("domainid0001", options.DomainId);
        Assert.Equal("domainid0001", options.TenantId);
        Assert.Contains("HUAWEICLOUD_SDK_AK", options.CredentialSource);
        Assert.Equal(new Uri("https://artifact.ap-southeast-3.myhuaweicloud.com"), options.Endpoint);
        Assert.Equal(new Uri("https://iam.ap-southeast-3.myhuaweicloud.com"), options.IamEndpoint);
    }

    [Fact]
    public void Should_Take_Secret_Key_Of_Explicit_Access_Key_From_Environment()
    {
        var options = CredentialChain.Resolve(Settings(accessKey: "AKEXPLICIT"), Environment(("HUAWEICLOUD_SDK_SK", "sk-env")));

        var ak = Assert.IsType<AccessKeyCredentials>(options.Credentials);
        Assert.Equal("AKEXPLICIT", ak.AccessKey);
        Assert.Equal("sk-env", ak.SecretKey.Reveal());
    }

    [Fact]
    public void Should_Prefer_Explicit_Values_Over_Environment_And_File()
    {
        WriteProfile("[basic]\nak = AKFILE\nsk = sk-file\nproject_id = ffffffffffffffffffffffffffffffff\n");

        var options = CredentialChain.Resolve(
            Settings(userName: "alice", domainName: "corp", projectId: TestSecrets.ProjectId),
            Environment(("HUAWEICLOUD_SDK_AK", "AKENV"), ("HUAWEICLOUD_SDK_SK", "sk-env"), ("CODEARTIFACT_PASSWORD", "pw"),
                ("HUAWEICLOUD_SDK_PROJECT_ID", "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee")));

        var user = Assert.IsType<IamPasswordCredentials>(options.Credentials);
        Assert.Equal("alice", user.UserName);
        Assert.Equal("corp", user.DomainName);
        Assert.Equal("pw", user.Password.Reveal());
        Assert.Equal(TestSecrets.ProjectId, options.ProjectId);
    }

    [Fact]
    public void Should_Prefer_Environment_Over_Profile_File()
    {
        WriteProfile("[basic]\nak = AKFILE\nsk = sk-file\n");

        var options = CredentialChain.Resolve(Settings(), Environment(("HUAWEICLOUD_SDK_AK", "AKENV"), ("HUAWEICLOUD_SDK_SK", "sk-env")));

        Assert.Equal("AKENV", Assert.IsType<AccessKeyCredentials>(options.Credentials).AccessKey);
    }

    [Fact]
    public void Should_Read_Profile_File_In_Home_Folder()
    {
        WriteProfile("# comment\n[basic]\nak = AKFILE\r\nsk = \"sk-file\"\nsecurity_token = st-file\nproject_id = " + TestSecrets.ProjectId +
            "\ndomain_id = domainid0002\niam_endpoint = https://iam.example.test\n\n[other]\nak = IGNORED\n");

        var options = CredentialChain.Resolve(Settings(), Environment());

        var ak = Assert.IsType<AccessKeyCredentials>(options.Credentials);
        Assert.Equal("AKFILE", ak.AccessKey);
        Assert.Equal("sk-file", ak.SecretKey.Reveal());
        Assert.Equal("st-file", ak.SecurityToken!.Reveal());
        Assert.Equal(TestSecrets.ProjectId, options.ProjectId);
        Assert.Equal("domainid0002", options.TenantId);
        Assert.Equal(new Uri("https://iam.example.test"), options.IamEndpoint);
        Assert.Contains("[basic]", options.CredentialSource);
    }

    [Fact]
    public void Should_Read_Explicit_Credentials_File()
    {
        var path = Path.Combine(_home, "my-credentials.ini");
        File.WriteAllText(path, "[basic]\nAK=AKOWN\nSK=sk-own\n");

        var options = CredentialChain.Resolve(Settings(credentialsFile: path), Environment());

        Assert.Equal("AKOWN", Assert.IsType<AccessKeyCredentials>(options.Credentials).AccessKey);
    }

    [Fact]
    public void Should_Take_Secret_Key_Of_Explicit_Access_Key_From_File()
    {
        WriteProfile("[basic]\nsk = sk-file\n");

        var options = CredentialChain.Resolve(Settings(accessKey: "AKEXPLICIT"), Environment());

        Assert.Equal("sk-file", Assert.IsType<AccessKeyCredentials>(options.Credentials).SecretKey.Reveal());
    }

    [Fact]
    public void Should_Take_Password_User_From_Environment()
    {
        var options = CredentialChain.Resolve(Settings(), Environment(
            ("CODEARTIFACT_USER_NAME", "bob"), ("CODEARTIFACT_DOMAIN_NAME", "corp"), ("CODEARTIFACT_PASSWORD", "pw\n")));

        var user = Assert.IsType<IamPasswordCredentials>(options.Credentials);
        Assert.Equal("bob", user.UserName);
        Assert.Equal("pw", user.Password.Reveal());
    }

    [Fact]
    public void Should_Take_Preissued_Token_From_Environment()
    {
        var options = CredentialChain.Resolve(Settings(), Environment(("CODEARTIFACT_AUTH_TOKEN", "tok")));

        Assert.Equal("tok", Assert.IsType<TokenCredentials>(options.Credentials).Token.Reveal());
    }

    [Fact]
    public void Should_Read_Endpoint_And_Numbers()
    {
        var options = CredentialChain.Resolve(
            new CodeArtifactConnectionSettings { TimeoutSeconds = "30", MaxRetries = "0", MaxConcurrency = "4", AllowInsecureHttp = "TRUE", TenantId = "tenant0001" },
            Environment(("CODEARTIFACT_ENDPOINT", "http://127.0.0.1:5080"), ("CODEARTIFACT_AUTH_TOKEN", "tok")));

        Assert.Equal(new Uri("http://127.0.0.1:5080"), options.Endpoint);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
        Assert.Equal(0, options.MaxRetries);
        Assert.Equal(4, options.MaxConcurrency);
        Assert.True(options.AllowInsecureHttp);
        Assert.Equal("tenant0001", options.TenantId);
    }

    [Theory]
    [InlineData("HUAWEICLOUD_SDK_AK", "AKONLY", "HUAWEICLOUD_SDK_SK")]
    [InlineData("HUAWEICLOUD_SDK_SK", "sk-only", "HUAWEICLOUD_SDK_AK")]
    [InlineData("HUAWEICLOUD_SDK_SECURITY_TOKEN", "st-only", "HUAWEICLOUD_SDK_AK")]
    [InlineData("CODEARTIFACT_PASSWORD", "pw-only", "UserName")]
    public void Should_Say_What_Is_Missing_If_Environment_Credentials_Are_Half_Given(string variable, string value, string missing)
    {
        var error = Assert.Throws<CodeArtifactException>(() => CredentialChain.Resolve(Settings(), Environment((variable, value))));

        Assert.Equal(ErrorCodes.IncompleteCredentials, error.Code);
        Assert.Equal(missing, error.ParameterName);
        Assert.Contains(missing, error.Message);
        Assert.DoesNotContain(value, error.Message);
    }

    [Fact]
    public void Should_Say_Where_To_Put_Secret_Key_If_Only_Access_Key_Is_Given()
    {
        var error = Assert.Throws<CodeArtifactException>(() => CredentialChain.Resolve(Settings(accessKey: "AKEXPLICIT"), Environment()));

        Assert.Equal(ErrorCodes.IncompleteCredentials, error.Code);
        Assert.Contains("HUAWEICLOUD_SDK_SK", error.Message);
        Assert.Contains("credentials", error.Message);
    }

    [Theory]
    [InlineData("alice", null, "DomainName")]
    [InlineData("alice", "corp", "CODEARTIFACT_PASSWORD")]
    [InlineData(null, "corp", "UserName")]
    public void Should_Say_What_Is_Missing_If_User_Is_Half_Given(string? user, string? domain, string missing)
    {
        var error = Assert.Throws<CodeArtifactException>(() => CredentialChain.Resolve(Settings(userName: user, domainName: domain), Environment()));

        Assert.Equal(ErrorCodes.IncompleteCredentials, error.Code);
        Assert.Equal(missing, error.ParameterName);
    }

    [Fact]
    public void Should_Say_What_Is_Missing_If_Profile_File_Is_Half_Given()
    {
        WriteProfile("[basic]\nak = AKFILE\n");

        var error = Assert.Throws<CodeArtifactException>(() => CredentialChain.Resolve(Settings(), Environment()));

        Assert.Equal(ErrorCodes.IncompleteCredentials, error.Code);
        Assert.Contains("[basic] section", error.Message);
        Assert.Contains("no sk", error.Message);
    }

    [Fact]
    public void Should_List_Every_Route_If_No_Credentials()
    {
        var error = Assert.Throws<CodeArtifactException>(() => CredentialChain.Resolve(Settings(), Environment()));

        Assert.Equal(ErrorCodes.NoCredentials, error.Code);
        Assert.Contains("HUAWEICLOUD_SDK_AK", error.Message);
        Assert.Contains("CODEARTIFACT_PASSWORD", error.Message);
        Assert.Contains("CODEARTIFACT_AUTH_TOKEN", error.Message);
        Assert.Contains("~/.huaweicloud/credentials", error.Message);
    }

    [Fact]
    public void Should_Refuse_Both_Access_Key_And_User()
    {
        var error = Assert.Throws<CodeArtifactException>(() => CredentialChain.Resolve(Settings(accessKey: "AK1", userName: "alice"), Environment()));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
    }

    [Fact]
    public void Should_Refuse_Missing_Explicit_Credentials_File()
    {
        var error = Assert.Throws<CodeArtifactException>(() => CredentialChain.Resolve(
            Settings(credentialsFile: Path.Combine(_home, "nope.ini")), Environment(("CODEARTIFACT_AUTH_TOKEN", "tok"))));

        Assert.Equal(ErrorCodes.InvalidCredentialsFile, error.Code);
        Assert.Equal("CredentialsFile", error.ParameterName);
    }

    [Theory]
    [InlineData("TenantId", "short")]
    [InlineData("TenantId", "has-dash-0001")]
    [InlineData("ProjectId", "0123")]
    [InlineData("TimeoutSeconds", "0")]
    [InlineData("TimeoutSeconds", "abc")]
    [InlineData("MaxRetries", "11")]
    [InlineData("MaxConcurrency", "0")]
    [InlineData("AllowInsecureHttp", "maybe")]
    [InlineData("Region", "Southeast")]
    [InlineData("Endpoint", "artifact.example.test")]
    public void Should_Name_The_Setting_If_A_Value_Is_Invalid(string setting, string value)
    {
        var settings = setting switch
        {
            "TenantId" => new CodeArtifactConnectionSettings { Region = "ap-southeast-3", TenantId = value },
            "ProjectId" => new CodeArtifactConnectionSettings { Region = "ap-southeast-3", ProjectId = value },
            "TimeoutSeconds" => new CodeArtifactConnectionSettings { Region = "ap-southeast-3", TimeoutSeconds = value },
            "MaxRetries" => new CodeArtifactConnectionSettings { Region = "ap-southeast-3", MaxRetries = value },
            "MaxConcurrency" => new CodeArtifactConnectionSettings { Region = "ap-southeast-3", MaxConcurrency = value },
            "AllowInsecureHttp" => new CodeArtifactConnectionSettings { Region = "ap-southeast-3", AllowInsecureHttp = value },
            "Region" => new CodeArtifactConnectionSettings { Region = value },
            _ => new CodeArtifactConnectionSettings { Endpoint = value },
        };

        var error = Assert.Throws<CodeArtifactException>(() => CredentialChain.Resolve(settings, Environment(("CODEARTIFACT_AUTH_TOKEN", "tok"))));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Equal(setting, error.ParameterName);
        Assert.Contains(setting, error.Message);
    }

    [Fact]
    public void Should_Refuse_Insecure_Endpoint_Naming_Endpoint()
    {
        var error = Assert.Throws<CodeArtifactException>(() => CredentialChain.Resolve(
            new CodeArtifactConnectionSettings { Endpoint = "http://artifact.example.test" }, Environment(("CODEARTIFACT_AUTH_TOKEN", "tok"))));

        Assert.Equal(ErrorCodes.InsecureEndpoint, error.Code);
        Assert.Equal("Endpoint", error.ParameterName);
    }

    [Fact]
    public void Should_Require_Endpoint_Or_Region()
    {
        var error = Assert.Throws<CodeArtifactException>(() => CredentialChain.Resolve(
            new CodeArtifactConnectionSettings(), Environment(("CODEARTIFACT_AUTH_TOKEN", "tok"))));

        Assert.Equal(ErrorCodes.MissingArgument, error.Code);
        Assert.Equal("Endpoint", error.ParameterName);
    }

    [Fact]
    public void Should_Not_Read_Real_Home_If_Environment_Is_Injected()
    {
        var error = Assert.Throws<CodeArtifactException>(() => CredentialChain.Resolve(Settings(), new Dictionary<string, string?>()));

        Assert.Equal(ErrorCodes.NoCredentials, error.Code);
    }
}
