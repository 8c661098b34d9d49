using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CodeArtifact.Build;

/// <summary>
/// Output items whose spec and metadata are literal text. MSBuild unescapes <c>%XX</c> when an
/// item is read, so a download URL with <c>%20</c> or a path with <c>%</c> must be escaped on the
/// way in to come out unchanged.
/// </summary>
internal static class TaskItems
{
    public static TaskItem Create(string itemSpec, params (string Name, string? Value)[] metadata)
    {
        var item = new TaskItem(ResultsProject.Escape(itemSpec));
        SetLiteral(item, metadata);
        return item;
    }

    public static TaskItem Copy(ITaskItem source, params (string Name, string? Value)[] metadata)
    {
        var item = new TaskItem(source);
        SetLiteral(item, metadata);
        return item;
    }

    private static void SetLiteral(TaskItem item, (string Name, string? Value)[] metadata)
    {
        foreach (var (name, value) in metadata)
        {
            // An empty value is MSBuild's "not set": written only to clear what the source item had,
            // so that cached results stay small (they are imported by every evaluation).
            if (!string.IsNullOrEmpty(value) || item.GetMetadata(name).Length > 0)
            {
                ((ITaskItem2)item).SetMetadataValueLiteral(name, value ?? string.Empty);
            }
        }
    }
}
