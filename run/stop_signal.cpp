#include "run/stop_signal.hpp"

#include <csignal>
#include <initializer_list>

namespace kctm {

namespace {

volatile std::sig_atomic_t g_stop = 0;

void on_stop(int sig) {
  g_stop = 1;
  // The next signal of this kind takes its default action: a user's second Ctrl-C ends the run.
  std::signal(sig, SIG_DFL);
}

}  // namespace

void catch_stop_signals() {
  for (int sig : {SIGTERM, SIGINT, SIGUSR1}) std::signal(sig, on_stop);
}

bool stop_requested() { return g_stop != 0; }

}  // namespace kctm
