using SendFunctions.Cli;

return await SendfxApp.RunAsync(args, Console.Out, Console.Error);
