namespace Platform.Storefront.Session;

public static class ShopPolicies
{
    /// <summary>The admin pages: signed in with the admin role.</summary>
    public const string Admin = "admin";
}
