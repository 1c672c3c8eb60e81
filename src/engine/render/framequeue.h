// FrameQueue: renders frames on a few worker threads and hands them out strictly in order.
// Pure C++ (no torch): a frame is a pure function of its index, so who renders it never matters.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace kinora::engine::render {

/// @brief Runs @p produce(frame, worker) for frames 0..total-1 on @p workers threads and calls
/// @p consume(frame, result) on the calling thread in frame order. At most @p window frames are
/// started ahead of the last one consumed, which bounds memory. @p startWorker runs once on each
/// worker thread before its first frame (per-thread library state). @p consume returning false
/// stops the run: frames in flight finish, their results are dropped. An exception thrown by
/// @p produce is rethrown here once the workers have stopped.
template <typename Result>
void runFramesInOrder(int total, int workers, int window, const std::function<void(int worker)> &startWorker,
                      const std::function<Result(int frame, int worker)> &produce,
                      const std::function<bool(int frame, Result &result)> &consume)
{
    if (total <= 0)
        return;
    workers = std::max(1, std::min(workers, total));
    window = std::max(window, workers);
    struct Slot
    {
        int frame = -1;
        std::optional<Result> result;
        std::exception_ptr error;
    };
    std::vector<Slot> slots(static_cast<std::size_t>(window));
    std::mutex mutex;
    std::condition_variable changed;
    int next = 0, consumed = 0;
    bool stop = false;
    std::exception_ptr startError;

    auto work = [&](int worker) {
        try {
            if (startWorker)
                startWorker(worker);
        } catch (...) {
            std::lock_guard<std::mutex> lock(mutex);
            startError = std::current_exception(), stop = true;
            changed.notify_all();
            return;
        }
        for (;;) {
            int frame = -1;
            {
                std::unique_lock<std::mutex> lock(mutex);
                changed.wait(lock, [&] { return stop || next >= total || next < consumed + window; });
                if (stop || next >= total)
                    return;
                frame = next++;
            }
            Slot done;
            done.frame = frame;
            try {
                done.result.emplace(produce(frame, worker));
            } catch (...) {
                done.error = std::current_exception();
            }
            std::lock_guard<std::mutex> lock(mutex);
            slots[std::size_t(frame % window)] = std::move(done);
            changed.notify_all();
        }
    };
    std::vector<std::thread> threads;
    threads.reserve(std::size_t(workers));
    for (int w = 0; w < workers; ++w)
        threads.emplace_back(work, w);

    std::exception_ptr failure;
    for (int frame = 0; frame < total && !failure; ++frame) {
        Slot slot;
        {
            std::unique_lock<std::mutex> lock(mutex);
            Slot &waiting = slots[std::size_t(frame % window)];
            changed.wait(lock, [&] { return waiting.frame == frame || startError; });
            if (waiting.frame != frame) {
                failure = startError;
                break;
            }
            slot = std::move(waiting);
            waiting = Slot{};
        }
        if (slot.error) {
            failure = slot.error;
            break;
        }
        const bool more = consume(frame, *slot.result);
        slot.result.reset(); // release the frame's memory before the next one is started
        {
            std::lock_guard<std::mutex> lock(mutex);
            consumed = frame + 1;
            stop = stop || !more;
            changed.notify_all();
        }
        if (!more)
            break;
    }
    {
        std::lock_guard<std::mutex> lock(mutex);
        stop = true;
        changed.notify_all();
    }
    for (std::thread &t : threads)
        t.join();
    if (failure)
        std::rethrow_exception(failure);
}

} // namespace kinora::engine::render
