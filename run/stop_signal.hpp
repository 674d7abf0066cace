#pragma once
// A polite stop: SIGTERM (what a batch scheduler sends before it kills a job), SIGINT (Ctrl-C) and
// SIGUSR1 (Open MPI's mpirun forwards it to every rank) ask the run to finish its step, write a
// checkpoint and exit with kStoppedExitCode. A second signal of the same kind is not caught.
namespace kctm {

/// Exit code of a run that stopped on a signal after writing its checkpoint (EX_TEMPFAIL: run it
/// again with --restart).
constexpr int kStoppedExitCode = 75;

/// Installs the handlers (idempotent).
void catch_stop_signals();

/// Whether a stop signal arrived since catch_stop_signals().
bool stop_requested();

}  // namespace kctm
