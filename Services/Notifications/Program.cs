using Platform.Notifications.Data;
using Platform.Notifications.Endpoints;
using Platform.Notifications.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
await app.MigrateDbContextAsync<NotificationsDbContext>();

app.MapOpenApi();
app.MapDefaultEndpoints();
app.MapNotificationEndpoints();
app.Run();
