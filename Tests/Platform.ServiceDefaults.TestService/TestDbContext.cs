using Microsoft.EntityFrameworkCore;

namespace Platform.ServiceDefaults.TestService;

public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options);
