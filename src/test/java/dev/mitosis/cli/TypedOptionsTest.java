package dev.mitosis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mitosis.engine.DeviceChoice;
import dev.mitosis.grow.GrowthConfig;
import dev.mitosis.split.CostModel;
import dev.mitosis.train.LrSchedule;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Options that picocli converts to typed values: counts with suffixes, choices listed in help and errors. */
class TypedOptionsTest {

    private static CommandLine.ParseResult grow(String... options) {
        String[] base = {"grow", "mbv1-seed", "--out", "unused"};
        String[] args = new String[base.length + options.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(options, 0, args, base.length, options.length);
        return Cli.commandLine().parseArgs(args).subcommand();
    }

    @Test
    void macsTakeSuffixesAsInTheExplorer() {
        assertThat(grow("--macs", "400k").<Long>matchedOptionValue("--macs", null)).isEqualTo(400_000L);
        assertThat(grow("--macs", "1.2M").<Long>matchedOptionValue("--macs", null)).isEqualTo(1_200_000L);
        assertThat(grow("--macs", "350,000").<Long>matchedOptionValue("--macs", null)).isEqualTo(350_000L);
        assertThat(grow("--macs", "327096").<Long>matchedOptionValue("--macs", null)).isEqualTo(327_096L);
    }

    @Test
    void choicesConvertToTheirTypes() {
        CommandLine.ParseResult r = grow("--strategy", "mac-target", "--cost", "log-macs", "--schedule", "step",
                "--device", "gpu:1");
        assertThat(r.<GrowthConfig.Strategy>matchedOptionValue("--strategy", null))
                .isEqualTo(GrowthConfig.Strategy.MAC_TARGET);
        assertThat(r.<CostModel>matchedOptionValue("--cost", null)).isEqualTo(CostModel.LOG_MACS);
        assertThat(r.<LrSchedule.Kind>matchedOptionValue("--schedule", null)).isEqualTo(LrSchedule.Kind.STEP);
        assertThat(r.<DeviceChoice>matchedOptionValue("--device", null)).isEqualTo(DeviceChoice.gpu(1));
    }

    @Test
    void anUnknownStrategyListsTheChoicesOnOneLine() {
        CliRunner.Result r = CliRunner.run("probe", "mbv1-seed", "--data", "sample", "--strategy", "greedy");
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT.status());
        assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.errorLine()).contains("--strategy").contains("'greedy'")
                .contains("quantile, energy-aware, mac-target");
    }

    @Test
    void badCountsAndDevicesAreBadInput() {
        CliRunner.Result macs = CliRunner.run("grow", "mbv1-seed", "--out", "unused", "--macs", "lots");
        assertThat(macs.exitCode()).isEqualTo(2);
        assertThat(macs.errorLine()).contains("--macs").contains("'lots'").contains("400k");
        CliRunner.Result device = CliRunner.run("eval", "mbv1-seed", "--data", "sample", "--device", "tpu");
        assertThat(device.exitCode()).isEqualTo(2);
        assertThat(device.errorLine()).contains("--device").contains("expected auto, cpu, gpu or gpu:N");
    }

    @Test
    void growRefusesProbeSettingsItWouldIgnore() {
        for (String option : new String[] {"--relu-beta=2", "--probe-seed=3", "--exact-memory=4G", "--max"}) {
            CliRunner.Result r = CliRunner.run("grow", "mbv1-seed", "--out", "unused", option);
            assertThat(r.exitCode()).as(option).isEqualTo(2);
            assertThat(r.errorLine()).as(option).contains("Unknown option");
        }
        assertThat(Cli.commandLine().parseArgs("probe", "m", "--relu-beta", "2", "--max").subcommand()
                .<Double>matchedOptionValue("--relu-beta", null)).isEqualTo(2.0);
    }

    @Test
    void aBranchNeedsAnExistingRun() {
        CliRunner.Result r = CliRunner.run("grow", "mbv1-seed", "--out", "unused", "--from", "2");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errorLine()).contains("--from 2").contains("--resume");
    }

    @Test
    void helpListsTheValidChoices() {
        CliRunner.Result r = CliRunner.run("grow", "--help");
        assertThat(r.exitCode()).isZero();
        // help wraps its lines; the choices are what matters, not where the line breaks
        assertThat(r.out().replaceAll("\\s+", " ")).contains("quantile, energy-aware, mac-target")
                .contains("macs, sqrt-macs, log-macs, params, constant").contains("cosine, step, constant");
        assertThat(CliRunner.run("baseline", "uniform", "--help").out().replaceAll("\\s+", " "))
                .contains("seed, mbv1, mbv2");
    }

    @Test
    void verboseComesFromTheCommandsMixin() {
        CliRunner.Result quiet = CliRunner.run("info", "no-such-model-dir/model.json");
        assertThat(quiet.exitCode()).isEqualTo(2);
        assertThat(quiet.err()).doesNotContain("\tat ");
        CliRunner.Result verbose = CliRunner.run("info", "no-such-model-dir/model.json", "--verbose");
        assertThat(verbose.exitCode()).isEqualTo(2);
        assertThat(verbose.err()).contains("\tat ").contains("BadInputException");
    }

    @Test
    void versionNamesTheReleaseAndTheCommit() {
        CliRunner.Result r = CliRunner.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).isEqualTo(dev.mitosis.build.BuildInfo.read().describe());
        // a build from a git checkout (as CI's) knows its commit; one from an exported tree says "unknown"
        String commit = java.nio.file.Files.exists(java.nio.file.Path.of(".git")) ? "[0-9a-f]{7,}" : "unknown";
        assertThat(r.out()).matches("(?s)mitosis \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit " + commit + ".*\\)\\s*");
    }
}
