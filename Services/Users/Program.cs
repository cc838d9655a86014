using Platform.Users.Data;
using Platform.Users.Endpoints;
using Platform.Users.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
await app.InitializeUsersDatabaseAsync();

app.UseForwardedHeaders();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapJwksEndpoint();
app.MapUserEndpoints();
app.Run();
