using Cake.CodeArtifact.Tests.Fakes;
using Cake.Core;
using Cake.Core.Configuration;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;
using CodeArtifact.Emulator.Faults;

namespace Cake.CodeArtifact.Tests.Reliability;

/// <summary>Fault settings of the Cake front end's reliability tests (the fault mixes are in TestUtilities' FaultProfiles).</summary>
internal static class Faults
{
    /// <summary>The most retries the addin accepts: at 30 % faults a request then fails about once in half a million.</summary>
    public const int MaxRetries = 10;
}

/// <summary>A Cake log that records into a <see cref="FakeCakeLog"/> and lets a test act on each line as it is written.</summary>
internal sealed class HookedLog(FakeCakeLog inner, Action<string> onLine) : ICakeLog
{
    public Verbosity Verbosity
    {
        get => inner.Verbosity;
        set => inner.Verbosity = value;
    }

    public void Write(Verbosity verbosity, LogLevel level, string format, params object[] args)
    {
        inner.Write(verbosity, level, format, args);
        onLine(args.Length == 0 ? format : string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
    }
}

/// <summary>The fake context with another log.</summary>
internal sealed class HookedContext(FakeCakeContext inner, ICakeLog log) : ICakeContext
{
    public IFileSystem FileSystem => inner.FileSystem;

    public ICakeEnvironment Environment => ((ICakeContext)inner).Environment;

    public IGlobber Globber => inner.Globber;

    public ICakeLog Log => log;

    public ICakeArguments Arguments => inner.Arguments;

    public IProcessRunner ProcessRunner => inner.ProcessRunner;

    public IRegistry Registry => inner.Registry;

    public IToolLocator Tools => inner.Tools;

    public ICakeDataResolver Data => inner.Data;

    public ICakeConfiguration Configuration => inner.Configuration;

    public IToolInstaller ToolInstaller => inner.ToolInstaller;

    public IServiceProvider ServiceProvider => inner.ServiceProvider;
}

/// <summary>What no expected failure may show.</summary>
internal static class Expected
{
    public static void NoStackTrace(string text)
    {
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("MSB4018", text, StringComparison.Ordinal);
    }
}
