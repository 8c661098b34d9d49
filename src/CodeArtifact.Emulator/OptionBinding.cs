using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace CodeArtifact.Emulator;

/// <summary>
/// One command-line option and what its value sets in <see cref="EmulatorOptions"/>. The
/// factories give the emulator's option kinds their messages (which name the option, say what is
/// allowed and echo the bad value) and their defaults, shown by <c>--help</c>.
/// </summary>
internal abstract class OptionBinding
{
    public abstract Option Option { get; }

    /// <summary>Sets the options from the value given, or from the default when there is one.</summary>
    public abstract void ApplyTo(ParseResult parsed, EmulatorOptions options);

    public static OptionBinding Int(string name, string valueName, string description, int? defaultValue, int min, int max, Action<EmulatorOptions, int> apply)
    {
        var option = new Option<int>(name)
        {
            Description = description,
            HelpName = valueName,
            CustomParser = result => Single<int>(result, text =>
                int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                    ? value
                    : null, $"{name} takes an integer from {min} to {max}"),
        };
        if (defaultValue is { } value)
        {
            option.DefaultValueFactory = _ => value;
        }

        return new Binding<int>(option, apply);
    }

    /// <summary>A share of requests, 0 to 1; default 0.</summary>
    public static OptionBinding Rate(string name, string description, Action<EmulatorOptions, double> apply) =>
        new Binding<double>(
            new Option<double>(name)
            {
                Description = description,
                HelpName = "0..1",
                DefaultValueFactory = _ => 0,
                CustomParser = result => Single<double>(result, text =>
                    double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1
                        ? value
                        : null, $"{name} takes a number from 0 to 1"),
            },
            apply);

    public static OptionBinding Text(string name, string valueName, string description, string? defaultValue, Action<EmulatorOptions, string> apply)
    {
        var option = new Option<string>(name) { Description = description, HelpName = valueName };
        if (defaultValue is not null)
        {
            option.DefaultValueFactory = _ => defaultValue;
        }

        return new Binding<string>(option, apply);
    }

    /// <summary>A switch that takes no value; it sets something only when given.</summary>
    public static OptionBinding Flag(string name, string description, Action<EmulatorOptions> apply) =>
        new Binding<bool>(new Option<bool>(name) { Description = description }, (options, on) =>
        {
            if (on)
            {
                apply(options);
            }
        });

    private static T Single<T>(ArgumentResult result, Func<string, T?> parse, string allowed)
        where T : struct
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(' ', result.Tokens.Select(t => t.Value));
        if (parse(text) is { } value)
        {
            return value;
        }

        result.AddError($"{allowed}, got '{text}'.");
        return default;
    }

    private sealed class Binding<T>(Option<T> option, Action<EmulatorOptions, T> apply) : OptionBinding
    {
        public override Option Option => option;

        public override void ApplyTo(ParseResult parsed, EmulatorOptions options)
        {
            if (parsed.GetResult(option) is null && option.DefaultValueFactory is null)
            {
                return;
            }

            apply(options, parsed.GetValue(option)!);
        }
    }
}
