#!/usr/bin/env bash
# Raven benchmark: seeds a dataset, starts the server with a fixed heap, drives each
# scenario with wrk, and writes a report whose throughputs are ratios of the baseline
# measured in the same run (machines here are shared and noisy; ratios travel).
#
#   bench/run.sh [small|large]     one dataset, every scenario      (make bench SIZE=...)
#   bench/run.sh scale             timeline and get_tweets at small and large (make bench-scale)
#   bench/run.sh slowloris         /health and the timeline, calm and under a slow-body attack
#                                  (make bench-slowloris)
#   bench/run.sh streams           RSS with 1,000 idle live-update streams, and action-to-event
#                                  delivery under write load (make bench-streams)
#
# Environment: BENCH_JAR (another build to measure, e.g. the commit before a change; default
# target/raven.jar, built first), BENCH_SCENARIOS (a subset of the full run's scenarios, in the given order, e.g.
# "baseline current_user"), BENCH_DURATION (default 20s per scenario), BENCH_CONNECTIONS (64;
# logins 4, BENCH_LOGIN_CONNECTIONS; upload_media 16, BENCH_UPLOAD_CONNECTIONS), BENCH_HEAP (the
# heap of the documented JVM settings, 100m), BENCH_JVM_OPTS (all JVM options instead),
# BENCH_JVM_EXTRA (added to them, e.g. a profiler), BENCH_COLD_TIMELINES=1 (no first read of every
# timeline reader before the measured runs), DB=h2|postgres (postgres: BENCH_PG_URL,
# default the local server).
# Slowloris: BENCH_SLOW_CONNECTIONS (2000), BENCH_SLOW_ADDRESSES (40), BENCH_SLOW_GREEDY (100),
# BENCH_SLOW_WRK_CONNECTIONS (32), BENCH_SLOW_SIZE (small).
# Streams: BENCH_STREAMS (1000), BENCH_STREAM_PROBES (100), BENCH_STREAM_ACTORS (4),
# BENCH_STREAM_WRK_CONNECTIONS (32), BENCH_STREAMS_SIZE (small); BENCH_DURATION defaults to 30s.
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=${1:-small}
DURATION=${BENCH_DURATION:-20s}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
HEAP=${BENCH_HEAP:-100m}
# The JVM settings README.md, the Dockerfile and docs/DEPLOYMENT.md give (why: docs/BENCHMARKS.md).
JVM_OPTS=${BENCH_JVM_OPTS:-"-Xms64m -Xmx$HEAP -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=48m -XX:MaxDirectMemorySize=64m -Djdk.nio.maxCachedBufferSize=262144"}
DB=${DB:-h2}
SEED=${BENCH_SEED:-42}
PASSWORD=raven-seed-password
WORK=bench/work
RESULTS=bench/results
JAR=${BENCH_JAR:-target/raven.jar}

if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk is not installed. On Debian/Ubuntu: sudo apt-get install wrk" >&2
  exit 1
fi
[ -n "${BENCH_JAR:-}" ] || make --no-print-directory build
mkdir -p "$WORK" "$RESULTS"

dataset_size() { # users tweets for a named size
  case "$1" in
    small) echo "10000 100000" ;;
    large) echo "50000 1000000" ;;
    *) echo "unknown size '$1' (small or large)" >&2; exit 2 ;;
  esac
}

free_port() { # a port nothing answers on
  local p
  for _ in $(seq 1 50); do
    p=$(( 20000 + RANDOM % 30000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  echo "no free port found" >&2; exit 1
}

pg_url_for() { # a database per dataset on the PostgreSQL server
  local base=${BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432/}
  echo "${base}raven_bench_$1"
}

# Seeds a dataset once and keeps it as a pristine copy; every run works on a fresh copy.
seed_dataset() {
  local size=$1 users tweets
  read -r users tweets < <(dataset_size "$size")
  local pristine="$WORK/$size-$DB-pristine"
  if [ -f "$pristine/SEEDED" ] && grep -qx "$users $tweets $SEED" "$pristine/SEEDED"; then
    return
  fi
  rm -rf "$pristine" && mkdir -p "$pristine/fixtures" && mkdir -m 700 "$pristine/data"
  echo "Seeding $size ($users users, $tweets tweets) on $DB: this takes a while once, then is reused" >&2
  local env=(RAVEN_DATA_DIR="$pristine/data")
  if [ "$DB" = postgres ]; then
    local db="raven_bench_$size"
    psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
    env+=(RAVEN_DB_URL="$(pg_url_for "$size")" RAVEN_DB_USER=postgres)
  fi
  env "${env[@]}" java -Xmx2g -jar "$JAR" seed --users "$users" --tweets "$tweets" --seed "$SEED" \
    --password "$PASSWORD" --fixtures "$pristine/fixtures" >&2
  echo "$users $tweets $SEED" > "$pristine/SEEDED"
}

# Starts a server on a fresh copy of a dataset; sets SERVER_PID, PORT, START_MS, RUN_DIR.
start_server() {
  local size=$1
  RUN_DIR="$WORK/run-$size-$DB"
  rm -rf "$RUN_DIR" && cp -r "$WORK/$size-$DB-pristine" "$RUN_DIR"
  PORT=$(free_port)
  # wrk's connections all come from 127.0.0.1: one heavy client, not to be capped per address
  # (except in the slowloris run, which shows the cap: SERVER_ENV overrides).
  local env=(RAVEN_DATA_DIR="$RUN_DIR/data" RAVEN_SERVER_PORT="$PORT" RAVEN_SERVER_HOST=127.0.0.1
             RAVEN_RATELIMIT_ENABLED=false RAVEN_JWT_ACCESS_TTL=1d RAVEN_HTTP_MAX_CONNECTIONS_PER_ADDRESS=0
             RAVEN_MEDIA_QUOTA_BYTES=1099511627776
             ${SERVER_ENV[@]+"${SERVER_ENV[@]}"})
  if [ "$DB" = postgres ]; then
    local db="raven_bench_${size}_run"
    psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" \
      -c "CREATE DATABASE $db TEMPLATE raven_bench_$size" >/dev/null
    env+=(RAVEN_DB_URL="$(pg_url_for "${size}_run")" RAVEN_DB_USER=postgres)
  fi
  local t0 t1
  t0=$(date +%s%N)
  # shellcheck disable=SC2086 # the options are words
  env "${env[@]}" MALLOC_ARENA_MAX=2 java $JVM_OPTS ${BENCH_JVM_EXTRA:-} -jar "$JAR" > "$RUN_DIR/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 600); do
    if curl -sf "http://127.0.0.1:$PORT/health" >/dev/null 2>&1; then
      t1=$(date +%s%N)
      START_MS=$(( (t1 - t0) / 1000000 ))
      return
    fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "server died on start:" >&2; cat "$RUN_DIR/server.log" >&2; exit 1
    fi
    sleep 0.02
  done
  echo "server did not become healthy" >&2; exit 1
}

# Browser sessions for the web scenarios: logs some timeline users in through the form
# (each login costs a bcrypt hash) and keeps "user_id<TAB>cookie token" in web_users.tsv.
web_sessions() {
  local out="$RUN_DIR/fixtures/web_users.tsv" n=0
  : > "$out"
  while IFS=$'\t' read -r user_id _ username _; do
    local token
    token=$(curl -s -o /dev/null -D - --data-urlencode "username=$username" --data-urlencode "password=$PASSWORD" \
      "http://127.0.0.1:$PORT/login" | tr -d '\r' | sed -n 's/^Set-Cookie: raven_session=\([^;]*\).*/\1/p')
    [ -n "$token" ] && printf '%s\t%s\n' "$user_id" "$token" >> "$out"
    n=$((n + 1))
    [ "$n" -ge "${BENCH_WEB_USERS:-32}" ] && break
  done < "$RUN_DIR/fixtures/timeline_users.tsv"
  [ -s "$out" ] || { echo "no web session could be started" >&2; exit 1; }
}

# Pictures for the media scenarios: a ~1 MB JPEG to upload (upload.jpg), and one picture
# uploaded and attached to a public tweet, listed as "path<TAB>etag" (picture and preview)
# in media.tsv for the served-media scenario.
media_fixtures() {
  local fixtures="$RUN_DIR/fixtures" token up url preview etag
  UPLOAD_BYTES=$(java bench/MakeJpeg.java "$fixtures/upload.jpg" "${BENCH_UPLOAD_BYTES:-1048576}")
  token=$(head -1 "$fixtures/users.tsv" | cut -f4)
  up=$(curl -sf -H "Authorization: JWT $token" -F "file=@$fixtures/upload.jpg" -F "description=bench" \
    "http://127.0.0.1:$PORT/api/media/")
  url=$(sed -E 's/.*"url":"([^"]*)".*/\1/' <<< "$up")
  preview=$(sed -E 's/.*"preview_url":"([^"]*)".*/\1/' <<< "$up")
  curl -sf -o /dev/null -H "Authorization: JWT $token" -H "Content-Type: application/json" \
    -d "{\"content\":\"bench picture\",\"media_url\":\"$url\"}" "http://127.0.0.1:$PORT/api/tweets/tweets_list/"
  : > "$fixtures/media.tsv"
  for u in "$url" "$preview"; do
    etag=$(curl -sf -o /dev/null -D - "$u" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
    printf '%s\t%s\n' "${u#http://127.0.0.1:$PORT}" "$etag" >> "$fixtures/media.tsv"
  done
}

# The server's peak RSS per scenario: the kernel's high-water mark (VmHWM), reset before each
# scenario (writing 5 to clear_refs); RUN_PEAK_RSS_MB keeps the largest over the whole run.
rss_peak_reset() {
  rss_peak_read >/dev/null
  echo 5 > "/proc/$SERVER_PID/clear_refs" 2>/dev/null || true
}

rss_peak_read() { # prints the peak since the last reset in MB, and folds it into RUN_PEAK_RSS_MB
  local mb
  mb=$(awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$SERVER_PID/status" 2>/dev/null || echo 0)
  [ "${mb:-0}" -gt "${RUN_PEAK_RSS_MB:-0}" ] && RUN_PEAK_RSS_MB=$mb
  echo "$mb"
}

stop_server() {
  rss_peak_read >/dev/null
  PEAK_RSS_MB=${RUN_PEAK_RSS_MB:-?}
  kill -TERM "$SERVER_PID" && wait "$SERVER_PID" || true
}

# Lets the JIT compile the hot paths first, so the first measured scenario is not penalised.
# Reads only: a write in the warm-up (a follow) would empty the timeline cache just before
# the measured reads, which would then time its reloading.
warm_up() {
  local s
  for s in ${BENCH_SCENARIOS:-baseline current_user get_tweet view_profile home_timeline web_home}; do
    case "$s" in
      post_*|like_toggle|home_while_posting|upload_*|login) continue ;;
    esac
    run_scenario "$s" 5s >/dev/null
  done
  # Every timeline reader's first page once, as on an instance whose readers come back: the
  # measured reads are then of held timelines (embedded database), and loading each reader's
  # (the pull query, once per reader after a start) is paid here. docs/BENCHMARKS.md gives
  # that first-read cost too. BENCH_COLD_TIMELINES=1 skips this.
  case " ${BENCH_SCENARIOS:-home_timeline} " in
    *" home_timeline "*|*" web_home "*|*" home_while_posting "*)
      [ -n "${BENCH_COLD_TIMELINES:-}" ] || cut -f4 "$RUN_DIR/fixtures/timeline_users.tsv" \
        | xargs -P 4 -I{} curl -s -o /dev/null -H "Authorization: JWT {}" "http://127.0.0.1:$PORT/api/tweets/tweets_list/"
      ;;
  esac
}

# Runs one scenario; prints its BENCH_RESULT JSON. Logins get few connections: each costs a
# bcrypt hash (~a quarter second), so 64 at once would only measure a 10-second queue.
# Uploads: upload_media at BENCH_UPLOAD_CONNECTIONS (16) for throughput and latency;
# upload_flood, the same upload at all 64 connections, shows that memory stays bounded (the
# uploads beyond media.upload.buffer.bytes queue, so their answers take longer than 10 s).
run_scenario() {
  local scenario=$1 duration=${2:-$DURATION} connections=$CONNECTIONS script=$1 timeout=10s
  if [ "$scenario" = home_while_posting ]; then
    home_while_posting "$duration"
    return
  fi
  if [ "$scenario" = post_to_follower ]; then
    post_to_follower "$duration"
    return
  fi
  [ "$scenario" = login ] && connections=${BENCH_LOGIN_CONNECTIONS:-4}
  [ "$scenario" = upload_media ] && connections=${BENCH_UPLOAD_CONNECTIONS:-16}
  [ "$scenario" = upload_flood ] && script=upload_media && timeout=40s
  BENCH_FIXTURES="$RUN_DIR/fixtures" BENCH_PASSWORD="$PASSWORD" \
    wrk -t"$THREADS" -c"$connections" -d"$duration" --timeout "$timeout" -s "bench/lua/$script.lua" \
    "http://127.0.0.1:$PORT" | sed -n 's/^BENCH_RESULT //p'
}

# The home timeline read at 48 connections while 16 more post tweets the whole time (each new
# tweet goes into its author's followers' timelines as it commits): the reads' result line.
home_while_posting() {
  local duration=$1 poster
  BENCH_FIXTURES="$RUN_DIR/fixtures" wrk -t1 -c16 -d"$duration" --timeout 10s -s bench/lua/post_tweet.lua \
    "http://127.0.0.1:$PORT" > "$RUN_DIR/home_while_posting.posts" &
  poster=$!
  BENCH_FIXTURES="$RUN_DIR/fixtures" wrk -t1 -c$((CONNECTIONS - 16)) -d"$duration" --timeout 10s \
    -s bench/lua/home_timeline.lua "http://127.0.0.1:$PORT" | sed -n 's/^BENCH_RESULT //p'
  wait "$poster"
}

# post_to_follower: tweets posted under the post_tweet load (req/s), and the delay from a
# post's acknowledgement to its appearance at the top of a follower's home timeline (p50,
# p99), measured by bench/delay_probe.py meanwhile: the result line with the probe's figures.
post_to_follower() {
  local seconds=${1%s} load probe d
  load=$(mktemp) probe=$(mktemp)
  rm -f "$probe.ready"
  python3 bench/delay_probe.py "http://127.0.0.1:$PORT" 1000 "$((seconds - 2))" "$probe.ready" > "$probe" 2>&1 &
  local probe_pid=$!
  for _ in $(seq 1 600); do { [ -f "$probe.ready" ] || ! kill -0 "$probe_pid" 2>/dev/null; } && break; sleep 0.1; done
  BENCH_FIXTURES="$RUN_DIR/fixtures" BENCH_PASSWORD="$PASSWORD" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1" --timeout 10s -s bench/lua/post_tweet.lua \
    "http://127.0.0.1:$PORT" | sed -n 's/^BENCH_RESULT //p' > "$load"
  wait "$probe_pid" || true
  rm -f "$probe.ready"
  d=$(sed -n 's/^BENCH_DELAY //p' "$probe")
  [ -n "$d" ] || { echo "delay probe failed:" >&2; cat "$probe" >&2; d='{"count":0,"p50_ms":0,"p99_ms":0}'; }
  echo "post_to_follower delay probe: $d" >&2
  echo "$d" > "$RUN_DIR/post_to_follower.delay"
  sed -E "s/\"p50_ms\":[0-9.]+/\"p50_ms\":$(json "$d" p50_ms)/; s/\"p99_ms\":[0-9.]+/\"p99_ms\":$(json "$d" p99_ms)/" "$load"
  rm -f "$load" "$probe"
}

json() { sed -E "s/.*\"$2\":(-?[0-9.]+).*/\1/" <<< "$1"; }

machine() {
  echo "- CPU: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "- Memory: $(free -h | awk '/Mem/ {print $2}'), Java: $(java -version 2>&1 | head -1)"
  echo "- Database: $DB; server JVM: ${BENCH_JVM_OPTS:-$JVM_OPTS} ${BENCH_JVM_EXTRA:-}; wrk -t$THREADS -c$CONNECTIONS -d$DURATION on the same machine"
}

bcrypt_line() {
  local hash_ms cores
  hash_ms=$(cat "$RUN_DIR/fixtures/bcrypt_ms" 2>/dev/null || echo 0)
  cores=$(nproc)
  awk -v ms="$hash_ms" -v c="$cores" -v rps="$1" 'BEGIN {
    if (ms > 0) { t = c * 1000 / ms; printf "bcrypt hash %.0f ms at cost 12: theoretical %d cores / hash = %.1f logins/s; measured %.1f/s = %.0f%% of it\n", ms, c, t, rps, 100 * rps / t }
  }'
}

full_run() {
  local size=$1
  local out="$RESULTS/$(date -u +%Y%m%dT%H%M%SZ)-$size-$DB.md"
  seed_dataset "$size"
  start_server "$size"
  echo "Server up in ${START_MS} ms on port $PORT; warming up" >&2
  web_sessions
  media_fixtures
  warm_up
  local reads=(baseline current_user home_timeline web_home get_tweet web_tweet view_profile web_profile get_tweets
               replies_list get_top served_media)
  local writes=(like_toggle post_tweet post_to_follower home_while_posting post_reply upload_media upload_flood login)
  local baseline_rps=0 login_rps=0 upload_rps=0 upload_rss="?" flood_rps=0 flood_rss="?"
  if [ -n "${BENCH_SCENARIOS:-}" ]; then
    read -r -a reads <<< "$BENCH_SCENARIOS"
    writes=()
  fi
  {
    echo "# Raven benchmark: $size dataset ($(dataset_size "$size" | awk '{print $1" users, "$2" tweets"}')), $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    machine
    echo "- Load average before the run (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- Server peak RSS after start-up, sessions and warm-up: $(rss_peak_read) MB"
    echo
    echo "| scenario | req/s | × baseline | p50 ms | p99 ms | non-2xx | socket errors | peak RSS MB |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  } > "$out"
  for s in "${reads[@]}" "${writes[@]}"; do
    echo "Running $s" >&2
    local r rps rss
    rss_peak_reset
    r=$(run_scenario "$s")
    rss=$(rss_peak_read)
    rps=$(json "$r" rps)
    [ "$s" = upload_media ] && { upload_rps=$rps; upload_rss=$rss; }
    [ "$s" = upload_flood ] && { flood_rps=$rps; flood_rss=$rss; }
    [ "$s" = baseline ] && baseline_rps=$rps
    [ "$s" = login ] && login_rps=$rps
    awk -v s="$s" -v rps="$rps" -v base="$baseline_rps" -v p50="$(json "$r" p50_ms)" \
        -v p99="$(json "$r" p99_ms)" -v bad="$(json "$r" non2xx)" -v sock="$(json "$r" socket_errors)" -v rss="$rss" \
        'BEGIN { printf "| %s | %.0f | %.3f | %.1f | %.1f | %d | %d | %s |\n", s, rps, (base > 0 ? rps / base : 0), p50, p99, bad, sock, rss }' >> "$out"
  done
  stop_server
  {
    echo
    echo "- Start to first healthy answer: ${START_MS} ms; server peak RSS: ${PEAK_RSS_MB} MB"
    echo "- $(bcrypt_line "$login_rps")"
    echo "- upload_media: a ${UPLOAD_BYTES} byte JPEG, ${upload_rps} uploads/s at ${BENCH_UPLOAD_CONNECTIONS:-16} connections; server peak RSS during uploads: ${upload_rss} MB (heap -Xmx$HEAP)"
    echo "- upload_flood: the same at $CONNECTIONS connections, ${flood_rps} uploads/s; server peak RSS: ${flood_rss} MB"
    if [ -s "$RUN_DIR/post_to_follower.delay" ]; then
      echo "- post_to_follower: req/s = tweets posted under the post_tweet load; p50/p99 = delay from a post's" \
        "acknowledgement to its appearance in a follower's timeline (bench/delay_probe.py: $(cat "$RUN_DIR/post_to_follower.delay"))"
    fi
    if [ -s "$RUN_DIR/home_while_posting.posts" ]; then
      local posts
      posts=$(sed -n 's/^BENCH_RESULT //p' "$RUN_DIR/home_while_posting.posts")
      echo "- home_while_posting: home timeline pages at $((CONNECTIONS - 16)) connections while 16 more posted" \
        "$(json "$posts" rps) tweets/s (p99 $(json "$posts" p99_ms) ms, non-2xx $(json "$posts" non2xx))"
    fi
  } >> "$out"
  cat "$out"
  echo "Report: $out" >&2
}

scale_run() {
  local out="$RESULTS/$(date -u +%Y%m%dT%H%M%SZ)-scale-$DB.md"
  declare -A p50 p99 rps
  for size in small large; do
    seed_dataset "$size"
    start_server "$size"
    BENCH_SCENARIOS="baseline home_timeline get_tweets" warm_up # its own scenarios (web_home needs web sessions)
    for s in baseline home_timeline get_tweets; do
      echo "Running $s on $size" >&2
      local r
      r=$(run_scenario "$s")
      p50[$size-$s]=$(json "$r" p50_ms); p99[$size-$s]=$(json "$r" p99_ms); rps[$size-$s]=$(json "$r" rps)
    done
    stop_server
  done
  {
    echo "# Raven scaling benchmark: ~100k vs ~1M tweets, $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    machine
    echo
    echo "| scenario | small req/s | large req/s | small p50 | large p50 | small p99 | large p99 | p99 large/small |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
    for s in baseline home_timeline get_tweets; do
      awk -v s="$s" -v rs="${rps[small-$s]}" -v rl="${rps[large-$s]}" -v a="${p50[small-$s]}" -v b="${p50[large-$s]}" \
          -v c="${p99[small-$s]}" -v d="${p99[large-$s]}" \
          'BEGIN { printf "| %s | %.0f | %.0f | %.1f | %.1f | %.1f | %.1f | %.2f |\n", s, rs, rl, a, b, c, d, (c > 0 ? d / c : 0) }'
    done
  } > "$out"
  cat "$out"
  echo "Report: $out" >&2
}

# /health and the home timeline measured calm, then while bench/Slowloris.java holds
# BENCH_SLOW_CONNECTIONS slow-body connections open, then calm again (the server keeps its
# default slow-client limits, per-address cap included). Same server, same run.
slowloris_run() {
  local size=${BENCH_SLOW_SIZE:-small}
  local slow=${BENCH_SLOW_CONNECTIONS:-2000} addresses=${BENCH_SLOW_ADDRESSES:-40} greedy=${BENCH_SLOW_GREEDY:-100}
  local out="$RESULTS/$(date -u +%Y%m%dT%H%M%SZ)-slowloris-$DB.md"
  local seconds=${DURATION%s}
  CONNECTIONS=${BENCH_SLOW_WRK_CONNECTIONS:-32} # from 127.0.0.1: under the default cap of 64
  declare -A res
  seed_dataset "$size"
  SERVER_ENV=(RAVEN_HTTP_MAX_CONNECTIONS_PER_ADDRESS=64)
  start_server "$size"
  warm_up
  local s phase
  # A pause before each wrk run: the previous run's connections must be gone from the
  # per-address count before 32 new ones arrive from the same address.
  for s in health home_timeline; do
    echo "Running $s, calm" >&2
    sleep 2; res[calm-$s]=$(run_scenario "$s")
  done
  echo "Starting $slow slow-body connections from $addresses addresses (+$greedy from one greedy address)" >&2
  java bench/Slowloris.java --port "$PORT" --connections "$slow" --addresses "$addresses" --greedy "$greedy" \
    --seconds $(( 2 * seconds + 20 )) > "$RUN_DIR/slowloris.out" 2> "$RUN_DIR/slowloris.log" &
  local attacker=$!
  sleep 10 # ramp-up, and the first round of 408s and reconnections
  for s in health home_timeline; do
    echo "Running $s under attack" >&2
    sleep 2; res[attack-$s]=$(run_scenario "$s")
  done
  wait "$attacker"
  # Calm again: the machine is shared, so this shows how much of a difference is noise.
  for s in health home_timeline; do
    echo "Running $s, calm again" >&2
    sleep 2; res[after-$s]=$(run_scenario "$s")
  done
  stop_server
  local attack
  attack=$(sed -n 's/^SLOWLORIS_RESULT //p' "$RUN_DIR/slowloris.out")
  {
    echo "# Raven under a slow-body attack: $size dataset, $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    machine
    echo "- Attack: $slow slow-body connections from $addresses addresses 127.0.0.2.., +$greedy from 127.0.0.250; wrk from 127.0.0.1"
    echo
    echo "| scenario | phase | req/s | p50 ms | p99 ms | non-2xx | socket errors |"
    echo "|---|---|---:|---:|---:|---:|---:|"
    for s in health home_timeline; do
      for phase in calm attack after; do
        local r=${res[$phase-$s]}
        awk -v s="$s" -v ph="$phase" -v rps="$(json "$r" rps)" -v p50="$(json "$r" p50_ms)" -v p99="$(json "$r" p99_ms)" \
            -v bad="$(json "$r" non2xx)" -v sock="$(json "$r" socket_errors)" \
            'BEGIN { printf "| %s | %s | %.0f | %.1f | %.1f | %d | %d |\n", s, ph, rps, p50, p99, bad, sock }'
      done
    done
    echo
    echo "- Attacker: $attack"
    echo "- Server log lines about slow clients:"
    grep -E "Slow or greedy clients" "$RUN_DIR/server.log" | sed 's/^/  - /' || true
    echo "- Server peak RSS: ${PEAK_RSS_MB} MB"
  } > "$out"
  cat "$out"
  echo "Report: $out" >&2
}

# Live-update streams (issue 14): the server's RSS without streams and with BENCH_STREAMS (1000)
# idle ones open (from 127.0.0.2.., under the default per-address cap of 64), then the time
# from a follow to its notification event on the followed user's stream while wrk drives
# post_tweet and like_toggle (each with half of BENCH_STREAM_WRK_CONNECTIONS, 32, from 127.0.0.1)
# for BENCH_DURATION (30s here): BENCH_STREAM_ACTORS (4) follow BENCH_STREAM_PROBES (100)
# streamed users in turn. The server stamps its events (stream.timing) so that its own share
# of the delay shows.
streams_run() {
  local size=${BENCH_STREAMS_SIZE:-small} count=${BENCH_STREAMS:-1000}
  local out="$RESULTS/$(date -u +%Y%m%dT%H%M%SZ)-streams-$DB.md"
  DURATION=${BENCH_DURATION:-30s}
  local seconds=${DURATION%s} load_before
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  seed_dataset "$size"
  SERVER_ENV=(RAVEN_HTTP_MAX_CONNECTIONS_PER_ADDRESS=64 RAVEN_STREAM_TIMING=true)
  CONNECTIONS=32 # wrk from 127.0.0.1: under the per-address cap of 64
  start_server "$size"
  web_sessions
  warm_up
  sleep 2
  local rss_before rss_with
  rss_before=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$SERVER_PID/status")
  java bench/Streams.java --port "$PORT" --users "$RUN_DIR/fixtures/users.tsv" --streams "$count" \
 --probes "${BENCH_STREAM_PROBES:-100}" --actors "${BENCH_STREAM_ACTORS:-4}" \
    --seconds "$seconds" --hold 15 > "$RUN_DIR/streams.out" 2> "$RUN_DIR/streams.log" &
  local client=$!
  for _ in $(seq 1 600); do
    grep -q '^STREAMS_OPEN' "$RUN_DIR/streams.out" 2>/dev/null && break
    sleep 0.1
  done
  sleep 10 # the streams sit idle: heartbeats only
  rss_with=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$SERVER_PID/status")
  sleep 5 # the client starts its follows now: write load alongside
  CONNECTIONS=$(( ${BENCH_STREAM_WRK_CONNECTIONS:-32} / 2 ))
  local tweets likes writer
  run_scenario post_tweet > "$RUN_DIR/tweets.out" &
  writer=$!
  run_scenario like_toggle > "$RUN_DIR/likes.out"
  wait "$writer" || true
  wait "$client" || true
  likes=$(cat "$RUN_DIR/likes.out")
  tweets=$(cat "$RUN_DIR/tweets.out")
  stop_server
  local opened result load
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  opened=$(sed -n 's/^STREAMS_OPEN //p' "$RUN_DIR/streams.out")
  result=$(sed -n 's/^STREAMS_RESULT //p' "$RUN_DIR/streams.out")
  {
    echo "# Raven live-update streams: $size dataset, $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    machine
    echo
    echo "| measure | value |"
    echo "|---|---:|"
    echo "| streams open | $opened of $count |"
    echo "| server RSS without streams (after warm-up) | ${rss_before} MB |"
    echo "| server RSS with the streams open and idle | ${rss_with} MB |"
    echo "| difference | $(( rss_with - rss_before )) MB |"
    echo "| streams still open at the end | $(json "$result" still_open) |"
    echo "| follows measured (events that never came within 5 s) | $(json "$result" answer_n) ($(json "$result" missed)) |"
    echo "| events that came before the follow's own answer | $(json "$result" event_before_answer) |"
    echo "| write load: like_toggle | $(json "$likes" rps) req/s, p99 $(json "$likes" p99_ms) ms |"
    echo "| write load: post_tweet | $(json "$tweets" rps) req/s, p99 $(json "$tweets" p99_ms) ms |"
    echo "| load average (1, 5, 15 min) before the run; at its end | $load_before; $load |"
    echo
    echo "| delay, ms | samples | p50 | p95 | p99 | max |"
    echo "|---|---:|---:|---:|---:|---:|"
    local m
    for m in "sent_event:(a) follow sent -> event received" "answer_event:(b) follow answered -> event received" \
             "answer:(c) follow sent -> its answer received" "heard_written:(d) server: commit heard -> event written" \
             "heard_received:(d') commit heard -> event received"; do
      local k=${m%%:*}
      echo "| ${m#*:} | $(json "$result" "${k}_n") | $(json "$result" "${k}_p50_ms") | $(json "$result" "${k}_p95_ms") | $(json "$result" "${k}_p99_ms") | $(json "$result" "${k}_max_ms") |"
    done
    echo
    echo "- Server peak RSS: ${PEAK_RSS_MB} MB; streams client log: $RUN_DIR/streams.log"
  } > "$out"
  cat "$out"
  echo "Report: $out" >&2
}

case "$MODE" in
  small|large) full_run "$MODE" ;;
  scale) scale_run ;;
  slowloris) slowloris_run ;;
  streams) streams_run ;;
  *) echo "usage: bench/run.sh [small|large|scale|slowloris|streams]" >&2; exit 2 ;;
esac
