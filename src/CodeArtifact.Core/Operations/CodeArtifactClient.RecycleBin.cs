using CodeArtifact.Core.Http;
using CodeArtifact.Core.Json;
using CodeArtifact.Core.Model;
using CodeArtifact.Core.Validation;

namespace CodeArtifact.Core;

// Recycle bin (reference 4.1). Both operations take a bare JSON array of {id, format, uri, status}.
public sealed partial class CodeArtifactClient
{
    /// <summary>
    /// Restores files, folders or repositories from the recycle bin: <c>BatchRestoreRepo</c>,
    /// <c>PUT /cloudartifact/v5/trashes</c>.
    /// </summary>
    /// <param name="items">What to restore; see <see cref="RecycleBinItem.ForPath"/> and <see cref="RecycleBinItem.ForRepository"/>.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The counts; <see cref="TrashcanResult.FailedNum"/> &gt; 0 means some items were not restored.</returns>
    public Task<TrashcanResult> RestoreFromRecycleBinAsync(IReadOnlyList<RecycleBinItem> items, CancellationToken cancellationToken = default) =>
        SendRecycleBinAsync("BatchRestoreRepo", HttpMethod.Put, items, cancellationToken);

    /// <summary>
    /// Deletes items in the recycle bin for good: <c>BatchDeleteTrashes</c>,
    /// <c>DELETE /cloudartifact/v5/trashes</c>.
    /// </summary>
    /// <param name="items">What to delete.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The counts; <see cref="TrashcanResult.FailedNum"/> &gt; 0 means some items were not deleted.</returns>
    public Task<TrashcanResult> DeleteFromRecycleBinAsync(IReadOnlyList<RecycleBinItem> items, CancellationToken cancellationToken = default) =>
        SendRecycleBinAsync("BatchDeleteTrashes", HttpMethod.Delete, items, cancellationToken);

    private async Task<TrashcanResult> SendRecycleBinAsync(string operation, HttpMethod method, IReadOnlyList<RecycleBinItem> items, CancellationToken cancellationToken)
    {
        var body = ValidateRecycleBinItems(items);
        var request = new ApiRequest
        {
            Operation = operation,
            Method = method,
            PathSegments = V5Path("trashes"),
            JsonBody = JsonBody(body, CodeArtifactJsonContext.Default.RecycleBinItemDtoArray),
        };
        var result = await SendAsync(request, CodeArtifactJsonContext.Default.TrashcanResultDto, cancellationToken).ConfigureAwait(false);
        return result.ToModel(body.Length);
    }

    private static RecycleBinItemDto[] ValidateRecycleBinItems(IReadOnlyList<RecycleBinItem> items)
    {
        Argument.NotEmpty(items, nameof(items), "recycle-bin item");
        var body = new RecycleBinItemDto[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var prefix = $"{nameof(items)}[{i}].";
            var id = Argument.RepositoryId(item.Id, prefix + nameof(RecycleBinItem.Id));
            var format = Argument.OneOf(item.Format, prefix + nameof(RecycleBinItem.Format), KnownValues.RecycleBinFormats);
            var uri = Argument.PathText(item.Uri, prefix + nameof(RecycleBinItem.Uri));
            if (!uri.StartsWith(id + "/", StringComparison.Ordinal))
            {
                throw Argument.Invalid(prefix + nameof(RecycleBinItem.Uri), uri, $"the uri is \"{id}/\" for the whole repository or \"{id}/<path>\" for a file or folder, without a leading '/'");
            }

            var status = Argument.OneOf(item.Status, prefix + nameof(RecycleBinItem.Status), KnownValues.RecycleBinStatuses);
            body[i] = new RecycleBinItemDto { Id = id, Format = format, Uri = uri, Status = status };
        }

        return body;
    }
}
