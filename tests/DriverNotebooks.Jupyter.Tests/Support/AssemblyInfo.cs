// The kernel tests start real kernel processes and Jupyter clients; run one at a time on a 2-core
// machine, so no client's timeout is spent waiting for another test's compiler.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
