package dev.stay.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CPU time a process has used so far, user plus system, from {@code /proc/<pid>/stat} (fields 14 and 15, in clock
 * ticks of {@code getconf CLK_TCK}, 100 a second on Linux x86-64). Read before and after a phase, the difference is what
 * that process spent on the phase, whichever core it ran on.
 */
record ProcessCpu(String name, long pid) {

    private static final double TICKS_PER_SECOND = ticksPerSecond();

    /** Every {@code stay.bench.pid.<name>} system property, and this load generator as {@code gatling}. */
    static Map<String, ProcessCpu> fromSystemProperties() {
        Map<String, ProcessCpu> processes = new LinkedHashMap<>();
        for (String name : new String[] {"router", "router-rust", "catalog", "booking", "users"}) {
            String pid = System.getProperty("stay.bench.pid." + name);
            if (pid == null || pid.isBlank()) {
                throw new IllegalStateException("system property stay.bench.pid." + name + " is not set: run with bench/run");
            }
            processes.put(name, new ProcessCpu(name, Long.parseLong(pid.strip())));
        }
        processes.put("gatling", new ProcessCpu("gatling", ProcessHandle.current().pid()));
        processes.values().forEach(ProcessCpu::checkIsTheServer);
        return processes;
    }

    /** CPU seconds used since the process started. */
    double seconds() {
        String stat = read("stat");
        // the command name (field 2) is in parentheses and may hold spaces: count fields after its closing one
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long user = Long.parseLong(fields[14 - 3]);
        long system = Long.parseLong(fields[15 - 3]);
        return (user + system) / TICKS_PER_SECOND;
    }

    /** The pid must be the server itself (java, node), not a wrapper such as setsid that would have used no CPU. */
    private void checkIsTheServer() {
        String command = read("comm").strip();
        if (!command.equals("java") && !command.equals("node") && !command.startsWith("MainThread")) {
            throw new IllegalStateException("process " + pid + " (" + name + ") runs " + command + ", not java or node");
        }
    }

    private String read(String file) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/" + pid + "/" + file + " (" + name + ")", e);
        }
    }

    private static double ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).strip();
            return getconf.waitFor() == 0 ? Double.parseDouble(out) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
