using Platform.Gateway.Endpoints;
using Platform.Gateway.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseCors();
app.UseRequestBodyLimit();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapServiceRoutes();
app.Run();
