namespace CodeArtifact.Core.Model;

/// <summary>What <c>ShowAudit</c> lists.</summary>
public sealed class AuditLogQuery
{
    /// <summary>The module, such as <c>file</c> (required).</summary>
    public string Module { get; init; } = "file";

    /// <summary>The repository id (required).</summary>
    public string Repository { get; init; } = string.Empty;

    public string? UserId { get; init; }

    /// <summary>From 1.</summary>
    public int? PageNumber { get; init; }

    /// <summary>1–100.</summary>
    public int? PageSize { get; init; }
}

/// <summary>One page of audit records.</summary>
public sealed class AuditLogPage
{
    public int Total { get; init; }

    public IReadOnlyList<AuditLogEntry> Entries { get; init; } = Array.Empty<AuditLogEntry>();
}

/// <summary>One audited action.</summary>
public sealed class AuditLogEntry
{
    public string? Id { get; init; }

    public string? Module { get; init; }

    /// <summary>Such as <c>upload</c>.</summary>
    public string? Operation { get; init; }

    public DateTimeOffset? Time { get; init; }

    /// <summary>What the action was on, such as the repository id.</summary>
    public string? Info { get; init; }

    /// <summary>Its detail, such as the file path.</summary>
    public string? Data { get; init; }

    public string? Reason { get; init; }

    public string? UserAgent { get; init; }

    public string? Operator { get; init; }

    public string? IpSource { get; init; }
}
