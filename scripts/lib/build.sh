# Sourced by scripts: builds what the local system runs and says where the functions' binaries are.
# The default builds the functions and the local tools in one cargo invocation and one profile
# (dev, the tests' own), so every dependency compiles once and scripts/test reuses it.
# STARJACK_PROFILE=release adds the functions' release binaries, built as deployed, and runs those.

starjack_build_local() {
  local profile=${STARJACK_PROFILE:-dev} functions=() crate
  echo "==> building the functions and the local tools (dev profile; the first build takes a few minutes)"
  cargo build --workspace --bins --locked
  case $profile in
    dev) STARJACK_BIN_DIR=target/debug ;;
    release)
      for crate in functions/*/; do functions+=(-p "$(basename "$crate")"); done
      echo "==> building the functions' release binaries (as deployed: fat LTO, several minutes)"
      cargo build --release --bins --locked "${functions[@]}"
      STARJACK_BIN_DIR=target/release
      ;;
    *) echo "STARJACK_PROFILE must be dev or release, not '$profile'" >&2; return 1 ;;
  esac
  export STARJACK_BIN_DIR
}
