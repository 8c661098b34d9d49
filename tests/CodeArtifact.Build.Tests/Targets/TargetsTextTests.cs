using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CodeArtifact.Build.Tests.Infrastructure;
using CodeArtifact.Core.Runner;

namespace CodeArtifact.Build.Tests.Targets;

/// <summary>
/// The texts and structure of build/CodeArtifact.Build.targets, read as XML: the Error texts are
/// the entries of Core's message catalogue (the one source of wording), the UsingTasks pick the
/// right factory per MSBuild, and each task is told the property behind each parameter.
/// </summary>
public sealed partial class TargetsTextTests
{
    private static readonly XNamespace None = XNamespace.None;

    private static readonly XDocument Targets = XDocument.Load(SourcePaths.TargetsFile);

    private static readonly string[] TaskNames =
    [
        "ResolveCodeArtifactMavenCredentials",
        "VerifyCodeArtifactChecksums",
        "GetCodeArtifactReleaseFileVersions",
        "DeleteObsoleteCodeArtifactFiles",
        "RestoreCodeArtifactFiles",
        "DeleteCodeArtifactMavenSettings",
        "PublishCodeArtifactFiles",
        "CheckCodeArtifactCache",
    ];

    [Theory]
    [InlineData("CodeArtifactSecretKey", "HUAWEICLOUD_SDK_SK")]
    [InlineData("CodeArtifactSecurityToken", "HUAWEICLOUD_SDK_SECURITY_TOKEN")]
    [InlineData("CodeArtifactPassword", "CODEARTIFACT_PASSWORD")]
    [InlineData("CodeArtifactAuthToken", "CODEARTIFACT_AUTH_TOKEN")]
    public void Should_Refuse_Each_Secret_Property_With_The_Resource_Text(string property, string variable)
    {
        // Given
        var expected = string.Format(CultureInfo.InvariantCulture, Messages.Targets_SecretInProperty, property, variable);

        // When
        var error = Errors().Single(e => e.Condition == $"'$({property})' != ''");

        // Then
        Assert.Equal(expected, $"{error.Code}: {error.Text}");
    }

    [Fact]
    public void Should_Stop_Old_MSBuild_With_The_Resource_Text()
    {
        // Given
        var expected = string.Format(CultureInfo.InvariantCulture, Messages.Targets_UnsupportedMSBuild, "$(MSBuildVersion)");

        // When
        var error = Errors().Single(e => e.Code == "CART0008");

        // Then
        Assert.Equal(expected, $"{error.Code}: {error.Text}");
        Assert.Equal("'$(_CodeArtifactMSBuildSupported)' != 'true'", error.Condition);
    }

    [Fact]
    public void Should_Take_Every_Other_Error_Text_From_A_Targets_Resource()
    {
        // Given the resources written for the targets
        var resources = new ResourceManager("CodeArtifact.Core.Runner.Messages", typeof(JobRunner).Assembly)
            .GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!
            .Cast<System.Collections.DictionaryEntry>()
            .Where(e => ((string)e.Key).StartsWith("Targets.", StringComparison.Ordinal) && (string)e.Key is not "Targets.SecretInProperty" and not "Targets.UnsupportedMSBuild")
            .Select(e => (string)e.Value!)
            .ToHashSet();

        // When
        var errors = Errors().Where(e => e.Code is not "CART0006" and not "CART0008").ToList();

        // Then
        Assert.Equal(resources.Count, errors.Count);
        Assert.All(errors, e => Assert.Contains($"{e.Code}: {e.Text}", resources));
    }

    [Fact]
    public void Should_Load_Each_Task_In_Process_On_Dotnet_And_In_A_NET_Task_Host_On_Framework()
    {
        foreach (var task in TaskNames)
        {
            // Given
            var usingTasks = Targets.Root!.Elements(None + "UsingTask")
                .Where(u => (string?)u.Attribute("TaskName") == "CodeArtifact.Build." + task)
                .ToList();

            // Then one UsingTask per runtime, both from the package's task assembly
            Assert.Equal(2, usingTasks.Count);
            Assert.All(usingTasks, u => Assert.Equal("$(_CodeArtifactTaskAssembly)", (string?)u.Attribute("AssemblyFile")));
            var onCore = usingTasks.Single(u => (string?)u.Attribute("Condition") == "'$(MSBuildRuntimeType)' == 'Core'");
            Assert.Null(onCore.Attribute("TaskFactory"));
            var onFramework = usingTasks.Single(u => u != onCore);
            Assert.Equal("TaskHostFactory", (string?)onFramework.Attribute("TaskFactory"));
            Assert.Equal("NET", (string?)onFramework.Attribute("Runtime"));
            Assert.Contains("'$(_CodeArtifactMSBuildSupported)' == 'true'", (string?)onFramework.Attribute("Condition"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Should_Never_Pass_A_Secret_To_A_Task()
    {
        // Given every task invocation in the targets
        var invocations = Targets.Descendants().Where(e => TaskNames.Contains(e.Name.LocalName)).ToList();

        // Then none has a parameter that could carry a secret, and none reads a secret variable
        Assert.Equal(TaskNames.Order(), invocations.Select(i => i.Name.LocalName).Distinct().Order());
        var forbidden = new[] { "SecretKey", "SecurityToken", "Password", "AuthToken", "HUAWEICLOUD_SDK_SK", "HUAWEICLOUD_SDK_SECURITY_TOKEN", "CODEARTIFACT_PASSWORD", "CODEARTIFACT_AUTH_TOKEN" };
        foreach (var attribute in invocations.SelectMany(i => i.Attributes()))
        {
            Assert.DoesNotContain(forbidden, f => attribute.Name.LocalName.Contains(f, StringComparison.Ordinal) || attribute.Value.Contains("$(" + f, StringComparison.Ordinal));
        }

        Assert.DoesNotContain("$(HUAWEICLOUD_SDK_SK)", File.ReadAllText(SourcePaths.TargetsFile), StringComparison.Ordinal);
        Assert.DoesNotContain("$(HUAWEICLOUD_SDK_SK)", File.ReadAllText(SourcePaths.PropsFile), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Name_The_Property_Behind_Every_Parameter_Of_Every_Task()
    {
        // Given every task invocation in the targets
        var connection = Targets.Root!.Descendants(None + "_CodeArtifactConnectionPropertyNames").Single().Value;
        var cache = Targets.Root!.Descendants(None + "_CodeArtifactCachePropertyNames").Single().Value;
        foreach (var invocation in Targets.Descendants().Where(e => TaskNames.Contains(e.Name.LocalName)))
        {
            // When its PropertyNames pairs are read
            var names = ((string)invocation.Attribute("PropertyNames")!)
                .Replace("$(_CodeArtifactConnectionPropertyNames)", connection, StringComparison.Ordinal)
                .Replace("$(_CodeArtifactCachePropertyNames)", cache, StringComparison.Ordinal)
                .Split(';', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('='))
                .ToDictionary(pair => pair[0], pair => pair[1]);

            // Then each parameter fed from a property or an item is named after it, and no other
            foreach (var attribute in invocation.Attributes().Where(a => a.Name.LocalName is not "PropertyNames" and not "ResultsFile" and not "ContinueOnError"))
            {
                var sources = Reference().Matches(attribute.Value).Select(m => m.Groups["name"].Value).ToList();
                Assert.True(names.TryGetValue(attribute.Name.LocalName, out var property), $"{invocation.Name.LocalName}.{attribute.Name.LocalName} has no PropertyNames entry.");
                Assert.Contains(property, sources);
            }

            Assert.All(names.Keys, parameter => Assert.NotNull(invocation.Attribute(parameter)));
        }
    }

    // $(Property) or @(Item) in an attribute value.
    [GeneratedRegex(@"[$@]\((?<name>[A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex Reference();

    private static IEnumerable<(string Code, string Text, string Condition)> Errors() =>
        Targets.Descendants(None + "Error").Select(e => ((string)e.Attribute("Code")!, (string)e.Attribute("Text")!, (string)e.Attribute("Condition")!));
}
