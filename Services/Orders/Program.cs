using Platform.Orders.Data;
using Platform.Orders.Endpoints;
using Platform.Orders.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
await app.MigrateDbContextAsync<OrdersDbContext>();

app.MapOpenApi();
app.MapDefaultEndpoints();
app.MapCartEndpoints();
app.MapOrderEndpoints();
app.Run();
