using Xunit.Sdk;
using Xunit.v3;

// Each collection starts a whole AppHost; on two cores, one at a time.
[assembly: Parallelization(Mode = ParallelMode.None)]
