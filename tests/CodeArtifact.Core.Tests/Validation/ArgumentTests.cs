using CodeArtifact.Core.Validation;

namespace CodeArtifact.Core.Tests.Validation;

public sealed class ArgumentTests
{
    private static CodeArtifactException Rejected(Action call, string parameterName)
    {
        var exception = Assert.Throws<CodeArtifactException>(call);
        Assert.Equal(parameterName, exception.ParameterName);
        Assert.StartsWith("CART000", exception.Code, StringComparison.Ordinal);
        Assert.True(exception.IsValidationError);
        Assert.Contains(parameterName, exception.Message, StringComparison.Ordinal);
        return exception;
    }

    public sealed class TheTenantIdMethod
    {
        [Theory]
        [InlineData("abcd1234")]
        [InlineData("5a775fdcb14f4431b6c0015618140bc3")]
        public void Should_Accept_8_To_32_Letters_Or_Digits(string value) =>
            Assert.Equal(value, Argument.TenantId(value, "tenantId"));

        [Theory]
        [InlineData("abc1234")]
        [InlineData("5a775fdcb14f4431b6c0015618140bc3a")]
        [InlineData("5a775fdc-b14f")]
        public void Should_Reject_Other_Lengths_Or_Characters(string value)
        {
            var exception = Rejected(() => Argument.TenantId(value, "tenantId"), "tenantId");
            Assert.Equal(ErrorCodes.InvalidArgument, exception.Code);
            Assert.Contains($"\"{value}\"", exception.Message, StringComparison.Ordinal);
            Assert.Contains("8 to 32 letters or digits", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Report_Missing_If_Null()
        {
            var exception = Rejected(() => Argument.TenantId(null, "tenantId"), "tenantId");
            Assert.Equal(ErrorCodes.MissingArgument, exception.Code);
        }
    }

    public sealed class TheProjectIdMethod
    {
        [Fact]
        public void Should_Accept_Exactly_32_Letters_Or_Digits() =>
            Assert.Equal("e2ee90487d6349dd944a5767225f6f55", Argument.ProjectId("e2ee90487d6349dd944a5767225f6f55", "projectId"));

        [Theory]
        [InlineData("e2ee90487d6349dd944a5767225f6f5")]
        [InlineData("e2ee90487d6349dd944a5767225f6f55a")]
        [InlineData("e2ee90487d6349dd944a5767225f6f5_")]
        public void Should_Reject_Anything_Else(string value)
        {
            var exception = Rejected(() => Argument.ProjectId(value, "projectId"), "projectId");
            Assert.Contains("exactly 32 letters or digits", exception.Message, StringComparison.Ordinal);
        }
    }

    public sealed class TheFileNameMethod
    {
        [Theory]
        [InlineData("app")]
        [InlineData("my_app-1.0.zip")]
        public void Should_Accept_Letters_Digits_Underscore_Dash_Dot(string value) =>
            Assert.Equal(value, Argument.FileName(value, "fileName"));

        [Fact]
        public void Should_Accept_200_And_Reject_201_Characters()
        {
            Assert.Equal(200, Argument.FileName(new string('a', 200), "fileName").Length);
            var exception = Rejected(() => Argument.FileName(new string('a', 201), "fileName"), "fileName");
            Assert.Contains("…", exception.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("a b")]
        [InlineData("a/b")]
        [InlineData("应用")]
        public void Should_Reject_Other_Characters(string value) =>
            Rejected(() => Argument.FileName(value, "fileName"), "fileName");
    }

    public sealed class TheRepositoryPathMethod
    {
        [Theory]
        [InlineData("/app/1.0/app.zip", "/app/1.0/app.zip")]
        [InlineData("app/1.0", "/app/1.0")]
        [InlineData("/", "/")]
        public void Should_Return_Path_With_Leading_Slash(string value, string expected) =>
            Assert.Equal(expected, Argument.RepositoryPath(value, "path"));

        [Fact]
        public void Should_Accept_1280_And_Reject_1281_Characters()
        {
            Assert.Equal(1280, Argument.RepositoryPath("/" + new string('a', 1279), "path").Length);
            Rejected(() => Argument.RepositoryPath("/" + new string('a', 1280), "path"), "path");
        }

        [Theory]
        [InlineData("/a/../b")]
        [InlineData("..")]
        [InlineData("/a/..")]
        [InlineData("/a\\..\\b")]
        public void Should_Reject_Dot_Dot_Segments(string value) =>
            Rejected(() => Argument.RepositoryPath(value, "path"), "path");

        [Fact]
        public void Should_Accept_Dots_Inside_A_Name() =>
            Assert.Equal("/a/..b/c..", Argument.RepositoryPath("/a/..b/c..", "path"));

        [Fact]
        public void Should_Reject_Control_Characters_And_Quote_Them_Escaped()
        {
            var exception = Rejected(() => Argument.RepositoryPath("/a\nb", "path"), "path");
            Assert.Contains("\\u000a", exception.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("\n", exception.Message, StringComparison.Ordinal);
        }
    }

    public sealed class TheRepositoryIdMethod
    {
        [Theory]
        [InlineData("cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_1_108")]
        [InlineData("cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_5_120")]
        [InlineData("xx-xxxxx-x_5a775fdcb14f4431b6c0015618140bc3_go_19")]
        [InlineData("cn-north-7_5a775fdcb14f4431b6c0015618140bc3_debian_43")]
        [InlineData("ap-southeast-3_c0dea7f1ac7e4e55a00000000000d001_generic_3")]
        [InlineData("cn-north-4_x_docker2_1")]
        public void Should_Accept_Documented_Ids(string value) =>
            Assert.Equal(value, Argument.RepositoryId(value, "repository"));

        [Theory]
        [InlineData("repo/other")]
        [InlineData("repo id")]
        [InlineData("..")]
        public void Should_Reject_Ids_That_Are_Not_One_Segment(string value) =>
            Rejected(() => Argument.RepositoryId(value, "repository"), "repository");

        [Theory]
        [InlineData("generic_3")] // no region, no domain id
        [InlineData("my-generic-repo")] // a display name, not an id
        [InlineData("5a775fdcb14f4431b6c0015618140bc3_generic_3")] // no region
        [InlineData("cn-north-4_5a775fdcb14f4431b6c0015618140bc3_generic")] // no sequence
        [InlineData("cn-north-4_5a775fdcb14f4431b6c0015618140bc3_zip_3")] // unknown format
        [InlineData("cn-north-4_5a775fdcb14f4431b6c0015618140bc3_maven_201")] // Maven without the policy
        [InlineData("cn-north-4_5a775fdcb14f4431b6c0015618140bc3_go_1_2")] // two numbers outside Maven
        [InlineData("cn-north-4_5a775fdc-b14f_go_1")] // a dash in the domain id
        [InlineData("4-north_5a775fdcb14f4431b6c0015618140bc3_go_1")] // a region starting with a digit
        [InlineData("cn-north-4_5a775fdcb14f4431b6c0015618140bc3_go_x")]
        public void Should_Reject_Ids_Not_In_The_Documented_Shape_Naming_Parameter_And_Value(string value)
        {
            var exception = Rejected(() => Argument.RepositoryId(value, "Repository"), "Repository");

            Assert.Equal(ErrorCodes.InvalidArgument, exception.Code);
            Assert.Contains($"\"{value}\"", exception.Message, StringComparison.Ordinal);
            Assert.Contains("{region}_{domainId}_{format}_{sequence}", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Bound_Each_Part()
        {
            Assert.NotNull(Argument.RepositoryId("cn-north-4_" + new string('a', 64) + "_generic_1", "repository"));
            Rejected(() => Argument.RepositoryId("cn-north-4_" + new string('a', 65) + "_generic_1", "repository"), "repository");
            Rejected(() => Argument.RepositoryId("c" + new string('n', 32) + "_a_generic_1", "repository"), "repository");
            Rejected(() => Argument.RepositoryId("cn-north-4_a_generic_12345678901", "repository"), "repository");
        }
    }

    public sealed class ThePagingMethods
    {
        [Theory]
        [InlineData(1)]
        [InlineData(100)]
        public void Should_Accept_Page_Size_1_To_100(int value) => Assert.Equal(value, Argument.PageSize(value, "limit"));

        [Theory]
        [InlineData(0)]
        [InlineData(101)]
        [InlineData(-5)]
        public void Should_Reject_Page_Size_Outside_1_To_100(int value)
        {
            var exception = Rejected(() => Argument.PageSize(value, "limit"), "limit");
            Assert.Contains("1 to 100", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Accept_Offset_Zero_And_Reject_Negative()
        {
            Assert.Equal(0, Argument.Offset(0, "offset"));
            Rejected(() => Argument.Offset(-1, "offset"), "offset");
        }

        [Fact]
        public void Should_Accept_Page_Number_One_And_Reject_Zero()
        {
            Assert.Equal(1, Argument.PageNumber(1, "pageNumber"));
            Rejected(() => Argument.PageNumber(0, "pageNumber"), "pageNumber");
        }
    }

    public sealed class TheOneOfMethod
    {
        [Fact]
        public void Should_Return_Documented_Spelling_Ignoring_Case() =>
            Assert.Equal("maven2", Argument.OneOf("MAVEN2", "format", KnownValues.FileFormats));

        [Fact]
        public void Should_Reject_Unknown_Format_And_List_The_Allowed_Ones()
        {
            var exception = Rejected(() => Argument.OneOf("zip", "format", KnownValues.FileFormats), "format");
            Assert.Contains("\"zip\"", exception.Message, StringComparison.Ordinal);
            Assert.Contains("maven2, docker, conan", exception.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("release")]
        [InlineData("releases")]
        [InlineData("snapshot")]
        public void Should_Accept_Documented_Policies(string value) =>
            Assert.Equal(value, Argument.OneOf(value, "policy", KnownValues.MavenPolicies));

        [Fact]
        public void Should_Reject_Unknown_Access() =>
            Rejected(() => Argument.OneOf("w", "access", KnownValues.MavenAccess), "access");

        [Fact]
        public void Should_Report_Missing_If_Null()
        {
            var exception = Rejected(() => Argument.OneOf(null, "format", KnownValues.FileFormats), "format");
            Assert.Equal(ErrorCodes.MissingArgument, exception.Code);
        }
    }

    public sealed class TheJoinedRepositoryIdsMethod
    {
        private const string Go1 = "cn-north-7_5a775fdcb14f4431b6c0015618140bc3_go_1";
        private const string Go2 = "cn-north-7_5a775fdcb14f4431b6c0015618140bc3_go_2";

        [Fact]
        public void Should_Join_With_Commas() =>
            Assert.Equal(Go1 + "," + Go2, Argument.JoinedRepositoryIds([Go1, Go2], "ids"));

        [Fact]
        public void Should_Return_Null_If_None() =>
            Assert.Null(Argument.JoinedRepositoryIds([], "ids"));

        [Fact]
        public void Should_Accept_512_And_Reject_513_Joined_Characters()
        {
            // Five ids of 85 characters, one of 82 and five commas: 512
            static string Id(int length) => "cn-north-4_" + new string('a', length - 21) + "_generic_1";
            var ids = Enumerable.Repeat(Id(85), 5).Append(Id(82)).ToArray();
            Assert.Equal(512, Argument.JoinedRepositoryIds(ids, "ids")!.Length);

            ids[^1] = Id(83);
            var exception = Rejected(() => Argument.JoinedRepositoryIds(ids, "ids"), "ids");
            Assert.Contains("512", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Name_The_Bad_Element() =>
            Rejected(() => Argument.JoinedRepositoryIds([Go1, "bad,id"], "ids"), "ids[1]");
    }

    public sealed class TheChecksumMethod
    {
        [Theory]
        [InlineData(32)]
        [InlineData(40)]
        [InlineData(64)]
        [InlineData(128)]
        public void Should_Accept_Hex_Digests_Of_Known_Lengths(int length) =>
            Assert.Equal(new string('a', length), Argument.Checksum(new string('A', length), "checksum"));

        [Theory]
        [InlineData("abc")]
        [InlineData("zz05a9df1e3403a5f54e03de073a6ce6")]
        public void Should_Reject_Other_Text(string value) =>
            Rejected(() => Argument.Checksum(value, "checksum"), "checksum");
    }

    public sealed class TheQuoteMethod
    {
        [Fact]
        public void Should_Shorten_Long_Values_With_An_Ellipsis()
        {
            var quoted = Argument.Quote(new string('x', 100));
            Assert.Equal("\"" + new string('x', 64) + "…\"", quoted);
        }

        [Fact]
        public void Should_Escape_Quotes_And_Show_Null() =>
            Assert.Equal("\"a\\\"b\" (null)", Argument.Quote("a\"b") + " " + Argument.Quote(null));
    }
}
