using System.Text;
using System.Text.RegularExpressions;

namespace Shelter.Web.Infrastructure.Mvc;

/// <summary>
/// Pages carry no indentation: the leading spaces and tabs of every line of an HTML response are
/// dropped (40 % of a Razor page's bytes), except inside <c>&lt;pre&gt;</c> and <c>&lt;textarea&gt;</c>,
/// whose text is what she typed. Only <c>text/html</c> bodies are held and rewritten; anything else
/// (CSV exports, files) passes straight through. Runs inside response compression.
/// </summary>
public sealed partial class StripIndentation(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var original = context.Response.Body;
        await using var body = new HtmlHoldingStream(context.Response, original);
        context.Response.Body = body;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        if (body.Held is not { } held) return;
        var bytes = Encoding.UTF8.GetBytes(Strip(Encoding.UTF8.GetString(held.GetBuffer(), 0, (int)held.Length)));
        if (!context.Response.HasStarted) context.Response.ContentLength = bytes.Length;
        await original.WriteAsync(bytes, context.RequestAborted);
    }

    [GeneratedRegex("<(/?)(pre|textarea)\\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Verbatim();

    /// <summary>The text without the leading whitespace of its lines, outside pre and textarea.</summary>
    public static string Strip(string html)
    {
        var result = new StringBuilder(html.Length);
        var depth = 0;
        var start = 0;
        while (start < html.Length)
        {
            var end = html.IndexOf('\n', start);
            end = end < 0 ? html.Length : end + 1;
            var from = start;
            if (depth == 0)
                while (from < end && html[from] is ' ' or '\t') from++;
            var line = html.AsSpan(from, end - from);
            foreach (var match in Verbatim().EnumerateMatches(line))
                depth = Math.Max(0, depth + (line[match.Index + 1] == '/' ? -1 : 1));
            result.Append(line);
            start = end;
        }
        return result.ToString();
    }

    /// <summary>Holds the body when the response is HTML; otherwise writes through.</summary>
    private sealed class HtmlHoldingStream(HttpResponse response, Stream inner) : Stream
    {
        private bool? _html;

        public MemoryStream? Held { get; private set; }

        private Stream Target()
        {
            _html ??= response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
            if (_html == true) return Held ??= new MemoryStream();
            return inner;
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { if (_html != true) inner.Flush(); }
        public override Task FlushAsync(CancellationToken cancellationToken) =>
            _html == true ? Task.CompletedTask : inner.FlushAsync(cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Target().Write(buffer, offset, count);
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            Target().WriteAsync(buffer, cancellationToken);
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Target().WriteAsync(buffer, offset, count, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing) Held?.Dispose();
            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            if (Held is not null) await Held.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}
