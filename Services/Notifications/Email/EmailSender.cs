using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Platform.Notifications.Email;

/// <summary>Hands one message to the configured transport with <see cref="SmtpClient"/> (not thread-safe: one per send).</summary>
public sealed class EmailSender(IOptions<EmailOptions> options)
{
    private readonly EmailOptions _options = options.Value;

    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        using var client = CreateClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.SendTimeout);
        await client.SendMailAsync(message, timeout.Token);
    }

    private SmtpClient CreateClient()
    {
        switch (_options.Transport)
        {
            case EmailTransport.Smtp:
                return new SmtpClient(_options.SmtpHost, _options.SmtpPort)
                {
                    DeliveryMethod = SmtpDeliveryMethod.Network,
                    EnableSsl = _options.SmtpEnableSsl,
                    Timeout = (int)_options.SendTimeout.TotalMilliseconds,
                    Credentials = string.IsNullOrEmpty(_options.SmtpUserName)
                        ? null
                        : new NetworkCredential(_options.SmtpUserName, _options.SmtpPassword),
                };
            case EmailTransport.PickupDirectory:
                var directory = Path.GetFullPath(_options.PickupDirectory!);
                Directory.CreateDirectory(directory);
                return new SmtpClient
                {
                    DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
                    PickupDirectoryLocation = directory,
                };
            default:
                throw new InvalidOperationException("No email transport is configured (Email:SmtpHost or Email:PickupDirectory).");
        }
    }
}
