using Platform.Storefront.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddStorefrontServices();

var app = builder.Build();
app.UseStorefront();
app.MapDefaultEndpoints();
app.MapStorefront();
app.Run();
