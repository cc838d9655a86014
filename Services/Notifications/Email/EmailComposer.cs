using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Options;
using Platform.Notifications.Data;

namespace Platform.Notifications.Email;

/// <summary>Turns a notification into a mail to its recipient: plain text, with a simple HTML alternative.</summary>
public sealed class EmailComposer(IOptions<EmailOptions> options)
{
    private readonly MailAddress _from = new(options.Value.From);

    public MailMessage Compose(Notification notification, Recipient recipient)
    {
        var text = $"Hello {recipient.Username},\r\n\r\n{notification.Body}\r\n\r\n-- \r\nPlatform\r\n";
        var html = HtmlEncoder.Default;
        var markup =
            $"""
            <!DOCTYPE html>
            <html><body style="font-family:sans-serif">
            <p>Hello {html.Encode(recipient.Username)},</p>
            <h2>{html.Encode(notification.Title)}</h2>
            <p>{html.Encode(notification.Body)}</p>
            <p style="color:#777">Platform</p>
            </body></html>
            """;
        var message = new MailMessage
        {
            From = _from,
            Subject = notification.Title,
            SubjectEncoding = Encoding.UTF8,
            Body = text,
            BodyEncoding = Encoding.UTF8,
            IsBodyHtml = false,
            // Readable as it is in the pickup folder's .eml files (base64 otherwise).
            BodyTransferEncoding = TransferEncoding.QuotedPrintable,
        };
        message.To.Add(new MailAddress(recipient.Email, recipient.Username));
        message.Headers.Add("X-Platform-Notification-Id", notification.Id.ToString());
        var htmlView = AlternateView.CreateAlternateViewFromString(markup, Encoding.UTF8, MediaTypeNames.Text.Html);
        htmlView.TransferEncoding = TransferEncoding.QuotedPrintable;
        message.AlternateViews.Add(htmlView);
        return message;
    }
}
