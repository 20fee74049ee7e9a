using SonLa.Monitor.Collector;

return await CollectorApp.RunAsync(args);
