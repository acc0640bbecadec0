package dev.tocsin.cli;

import dev.tocsin.app.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tocsin} command and its subcommands. */
@Command(name = "tocsin",
        mixinStandardHelpOptions = true,
        versionProvider = TocsinCommand.VersionProvider.class,
        description = "Self-hosted on-call and incident response.",
        subcommands = {
                ServeCommand.class,
                ApplyCommand.class,
                ExportCommand.class,
                AdminCommand.class,
                BenchCommand.class,
                TriggerCommand.class,
                IncidentsCommand.class,
                CalendarUrlCommand.class,
                HoursCommand.class,
                NoisyCommand.class,
                CalendarImportCommand.class,
                ImportCommand.class,
                VerifyImportCommand.class,
                AckCommand.class,
                SnoozeCommand.class,
                MaintCommand.class,
                EscalateCommand.class,
                TestPageCommand.class,
                ResolveCommand.class,
                WhoCommand.class,
                ShiftsCommand.class,
                OverrideCommand.class,
                TakePagerCommand.class,
                CoverCommand.class,
                SwapCommand.class,
                GapsCommand.class,
                SimulateCommand.class,
                RulesCommand.class,
                VersionCommand.class,
                CommandLine.HelpCommand.class
        })
public final class TocsinCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new TocsinCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(new CliErrors());
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tocsin " + Version.current()};
        }
    }
}
