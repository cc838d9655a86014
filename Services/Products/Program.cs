using Platform.Products.Data;
using Platform.Products.Endpoints;
using Platform.Products.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
await app.MigrateDbContextAsync<ProductsDbContext>(); // the migrations also seed the catalog

app.MapOpenApi();
app.MapDefaultEndpoints();
app.MapProductEndpoints();
app.MapCategoryEndpoints();
app.MapStockEndpoints();
app.Run();
