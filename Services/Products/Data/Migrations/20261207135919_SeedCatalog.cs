using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Products.Data.Migrations
{
    /// <summary>
    /// The starting catalog (<see cref="CatalogSeed"/>): generated data rather than part of the model, so this is an
    /// empty <c>migrations add SeedCatalog</c> with <c>Up</c> and <c>Down</c> written by hand. Seeding inside a migration
    /// runs it exactly once per database, under EF's migration lock, so replicas starting together cannot insert it twice.
    /// </summary>
    public partial class SeedCatalog : Migration
    {
        private static readonly string[] Columns = ["id", "name", "description", "price", "category", "stock", "created_at", "updated_at"];
        private static readonly string[] ColumnTypes =
            ["uuid", "character varying(200)", "character varying(4000)", "numeric(12,2)", "character varying(100)", "integer",
             "timestamp with time zone", "timestamp with time zone"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            var products = CatalogSeed.Generate();
            var rows = new object[products.Count, Columns.Length];
            for (var i = 0; i < products.Count; i++)
            {
                var p = products[i];
                object[] row = [p.Id, p.Name, p.Description, p.Price, p.Category, p.Stock, p.CreatedAt, p.UpdatedAt];
                for (var c = 0; c < row.Length; c++)
                {
                    rows[i, c] = row[c];
                }
            }
            migrationBuilder.InsertData("products", Columns, ColumnTypes, rows);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.DeleteData("products", "id", "uuid", CatalogSeed.Generate().Select(p => (object)p.Id).ToArray());
    }
}
