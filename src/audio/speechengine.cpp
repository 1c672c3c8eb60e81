// espeak-ng in a forked child. Why: espeak-ng 1.51 keeps wave-generator state between utterances
// (pitch-flutter phase, glottal cycle counters, the secondary translator), so the same line spoken
// twice in one process differs by a few samples and up to ~50 ms in length (measured). A child
// forked from a process that never touched espeak starts from the library's pristine state every
// time, which makes speech bit-identical per plan, keeps espeak's setlocale()/exit() paths and any
// crash out of the engine process, and costs ~20 ms of start-up per shot.
#include "audio/speechengine.h"

#include <espeak-ng/speak_lib.h>

#include <QCoreApplication>
#include <QString>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace kinora::audio::detail {
namespace {

std::mutex &espeakMutex()
{
    static std::mutex m; // one process-wide guard: espeak is global, non-reentrant state
    return m;
}

constexpr int kTimeoutSeconds = 120;

// ---- child side (no Qt, no locks held by other threads: only espeak, malloc and write) ----------

struct Collector
{
    std::vector<std::int16_t> samples;
    std::vector<PhonemeMark> marks;
    int maxSamples = 0;
    bool cutShort = false;
};
Collector *g_collector = nullptr;

int onSynth(short *wav, int count, espeak_EVENT *events)
{
    Collector &c = *g_collector;
    if (wav && count > 0)
        c.samples.insert(c.samples.end(), wav, wav + count);
    for (espeak_EVENT *e = events; e && e->type != espeakEVENT_LIST_TERMINATED; ++e) {
        if (e->type != espeakEVENT_PHONEME)
            continue;
        PhonemeMark mark;
        mark.timeMs = e->audio_position;
        std::memcpy(mark.ipa, e->id.string, sizeof(e->id.string));
        c.marks.push_back(mark);
    }
    if (c.maxSamples > 0 && int(c.samples.size()) > c.maxSamples) {
        c.cutShort = true;
        return 1; // abort: the line cannot fit, no point in speaking the rest
    }
    return 0;
}

bool writeAll(int fd, const void *data, size_t bytes)
{
    const char *p = static_cast<const char *>(data);
    while (bytes > 0) {
        const ssize_t n = ::write(fd, p, bytes);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        p += n;
        bytes -= size_t(n);
    }
    return true;
}

[[noreturn]] void childMain(int fd, const std::vector<EspeakJob> &jobs)
{
    const int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 250, nullptr,
                                       espeakINITIALIZE_PHONEME_EVENTS | espeakINITIALIZE_PHONEME_IPA
                                           | espeakINITIALIZE_DONT_EXIT);
    const std::int32_t header = rate > 0 ? rate : -1;
    if (!writeAll(fd, &header, sizeof header) || rate <= 0)
        ::_exit(2);
    espeak_SetSynthCallback(onSynth);
    for (const EspeakJob &job : jobs) {
        Collector collector;
        collector.maxSamples = job.maxSeconds > 0 ? int(job.maxSeconds * rate) : 0;
        g_collector = &collector;
        std::int32_t used = -1;
        for (size_t i = 0; i < job.voiceNames.size() && used < 0; ++i) {
            if (espeak_SetVoiceByName(job.voiceNames[i].c_str()) == EE_OK)
                used = std::int32_t(i);
        }
        if (used >= 0) {
            espeak_SetParameter(espeakRATE, job.rate, 0);
            espeak_SetParameter(espeakPITCH, job.pitch, 0);
            espeak_SetParameter(espeakRANGE, job.range, 0);
            std::srand(1); // breathy variants draw noise from rand(): seed it for identical output
            espeak_Synth(job.text.c_str(), job.text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8,
                         nullptr, nullptr);
        }
        const std::int32_t head[4] = {used, collector.cutShort ? 1 : 0,
                                      std::int32_t(collector.samples.size()),
                                      std::int32_t(collector.marks.size())};
        if (!writeAll(fd, head, sizeof head)
            || !writeAll(fd, collector.samples.data(), collector.samples.size() * sizeof(std::int16_t))
            || !writeAll(fd, collector.marks.data(), collector.marks.size() * sizeof(PhonemeMark)))
            ::_exit(3);
    }
    ::_exit(0);
}

// ---- parent side ------------------------------------------------------------------------------

core::Error engineError(const QString &what)
{
    return core::Error{QCoreApplication::translate("Speech", "Speech synthesis failed: %1").arg(what), {}};
}

core::Result<std::vector<char>> readUntilEof(int fd, pid_t child)
{
    std::vector<char> bytes;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(kTimeoutSeconds);
    char buffer[1 << 16];
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            ::kill(child, SIGKILL);
            return engineError(QCoreApplication::translate(
                "Speech", "espeak-ng did not finish within %1 s; shorten the dialogue and retry.")
                                   .arg(kTimeoutSeconds));
        }
        pollfd p{fd, POLLIN, 0};
        const int ready = ::poll(&p, 1, int(left.count()));
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready <= 0)
            continue;
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        bytes.insert(bytes.end(), buffer, buffer + n);
    }
    return bytes;
}

template <typename T>
bool take(const std::vector<char> &bytes, size_t &at, T *out, size_t count)
{
    const size_t need = count * sizeof(T);
    if (bytes.size() - at < need)
        return false;
    if (need > 0)
        std::memcpy(out, bytes.data() + at, need);
    at += need;
    return true;
}

core::Result<EspeakBatch> parse(const std::vector<char> &bytes, size_t jobCount)
{
    EspeakBatch batch;
    size_t at = 0;
    std::int32_t rate = 0;
    if (!take(bytes, at, &rate, 1) || rate <= 0)
        return engineError(QCoreApplication::translate(
            "Speech", "espeak-ng could not start: its voice data was not found (install the "
                      "espeak-ng-data package)."));
    batch.sampleRate = rate;
    for (size_t i = 0; i < jobCount; ++i) {
        std::int32_t head[4];
        EspeakOutput out;
        bool ok = take(bytes, at, head, 4) && head[2] >= 0 && head[3] >= 0;
        if (ok) {
            out.voiceUsed = head[0];
            out.cutShort = head[1] != 0;
            out.samples.resize(size_t(head[2]));
            out.phonemes.resize(size_t(head[3]));
            ok = take(bytes, at, out.samples.data(), out.samples.size())
                 && take(bytes, at, out.phonemes.data(), out.phonemes.size());
        }
        if (!ok)
            return engineError(QCoreApplication::translate(
                "Speech", "espeak-ng stopped while speaking line %1; check that line's text.")
                                   .arg(int(i) + 1));
        for (PhonemeMark &m : out.phonemes)
            m.ipa[sizeof m.ipa - 1] = 0;
        batch.outputs.push_back(std::move(out));
    }
    return batch;
}

} // namespace

core::Result<EspeakBatch> runEspeak(const std::vector<EspeakJob> &jobs)
{
    std::lock_guard<std::mutex> lock(espeakMutex());
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return engineError(QString::fromLocal8Bit(std::strerror(errno)));
    const pid_t child = ::fork();
    if (child < 0) {
        const int err = errno;
        ::close(fds[0]);
        ::close(fds[1]);
        return engineError(QCoreApplication::translate("Speech", "could not start the speech process (%1); "
                                                                 "free some memory and retry.")
                               .arg(QString::fromLocal8Bit(std::strerror(err))));
    }
    if (child == 0) {
        ::close(fds[0]);
        childMain(fds[1], jobs);
    }
    ::close(fds[1]);
    core::Result<std::vector<char>> bytes = readUntilEof(fds[0], child);
    ::close(fds[0]);
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    if (!bytes.ok())
        return bytes.error();
    if (WIFSIGNALED(status))
        return engineError(QCoreApplication::translate("Speech", "espeak-ng crashed (signal %1).")
                               .arg(WTERMSIG(status)));
    return parse(bytes.value(), jobs.size());
}

} // namespace kinora::audio::detail
