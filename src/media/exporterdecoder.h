// Internal to the media module: the export's clip reader. One demux pass feeds both decoders, so
// a clip is read once; pictures are handed out by time and sound as 48 kHz stereo float.
#pragma once

#include "core/result.h"

#include <QString>
#include <deque>
#include <memory>
#include <vector>

struct AVCodecContext;
struct AVFormatContext;
struct AVFrame;
struct AVPacket;
struct SwrContext;

namespace kinora::media::detail {

/// @brief Reads [in, ...) of one media file. Times are in the file's own seconds (its first
/// sample at 0). Not thread-safe; one reader per clip.
class ClipReader
{
public:
    static constexpr int kSampleRate = 48000;
    static constexpr int kChannels = 2;

    /// @brief Opens @p path and seeks to @p inSeconds (the key frame before it).
    static core::Result<std::unique_ptr<ClipReader>> open(const QString &path, double inSeconds);
    ~ClipReader();

    ClipReader(const ClipReader &) = delete;
    ClipReader &operator=(const ClipReader &) = delete;

    /// @brief The picture shown at @p seconds: the last one starting at or before it (the first
    /// one if none does, the last one after the end). *changed says whether it differs from the
    /// previous call's picture. Times must not go backwards.
    core::Result<const AVFrame *> pictureAt(double seconds, bool *changed);

    /// @brief Appends exactly @p count samples (interleaved stereo frames) of the sound that
    /// follows what was read before, starting at in; silence where the file has none.
    core::Status readAudio(qint64 count, std::vector<float> &out);

    /// @brief Sound decoded so far and not yet read (read it with readAudio to keep memory flat).
    qint64 audioBuffered() const { return qint64(m_audio.size()) / kChannels; }

private:
    ClipReader() = default;
    core::Error error(const QString &message) const;
    core::Status openDecoder(int streamIndex, AVCodecContext **codec);
    core::Status pump(); ///< demuxes one packet and decodes what it yields
    core::Status receiveVideo();
    core::Status receiveAudio();
    core::Status appendAudio(const std::uint8_t **data, int samples, double startSeconds);

    QString m_path;
    double m_in = 0;
    double m_origin = 0; ///< the file's start time, subtracted from every timestamp
    AVFormatContext *m_format = nullptr;
    AVCodecContext *m_video = nullptr;
    AVCodecContext *m_audioCodec = nullptr;
    SwrContext *m_resampler = nullptr;
    AVPacket *m_packet = nullptr;
    AVFrame *m_decoded = nullptr;
    AVFrame *m_current = nullptr; ///< the picture last handed out
    std::deque<AVFrame *> m_ahead; ///< decoded pictures not yet shown, in time order
    int m_videoIndex = -1;
    int m_audioIndex = -1;
    bool m_demuxEnded = false;
    bool m_videoEnded = false;
    bool m_audioEnded = false;
    bool m_audioStarted = false;
    qint64 m_audioDropped = 0; ///< samples still to drop (decoded before in)
    std::vector<float> m_audio; ///< decoded, not yet read
    std::vector<float> m_convert;
};

} // namespace kinora::media::detail
