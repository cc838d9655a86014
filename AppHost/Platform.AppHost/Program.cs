var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("pg");
var usersDb = postgres.AddDatabase("usersdb");
var productsDb = postgres.AddDatabase("productsdb");
var ordersDb = postgres.AddDatabase("ordersdb");
var notificationsDb = postgres.AddDatabase("notificationsdb");

var cache = builder.AddRedis("cache");

var messaging = builder.AddRabbitMQ("messaging");

builder.Build().Run();
