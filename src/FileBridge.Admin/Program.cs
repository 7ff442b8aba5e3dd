using FileBridge.Admin.Cli;

return await AdminCli.CreateRootCommand().Parse(args).InvokeAsync();
