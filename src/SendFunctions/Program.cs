using SendFunctions.Hosting;

await FunctionHost.RunSupervisedAsync(() => FunctionHost.Create(args), CancellationToken.None);
