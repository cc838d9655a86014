namespace Platform.Orders.Data;

/// <summary>Field limits shared by the schema and the request validation.</summary>
public static class OrderRules
{
    public const int NameMaxLength = 100;
    public const int AddressLineMaxLength = 200;
    public const int CityMaxLength = 100;
    public const int PostalCodeMaxLength = 20;
    public const int ProductNameMaxLength = 200;
    public const int IdempotencyKeyMaxLength = 100;
}
