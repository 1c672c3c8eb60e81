// The Timeline page as an editor uses it: keys move the playhead by frame, shot and second, Space
// plays and pauses, I/O trim the current shot at the playhead, a dragged trim handle is one undo
// step, and Ctrl+Z / Ctrl+Shift+Z undo and redo trims.
import QtQuick
import QtTest
import Kinora.Storyboard
import Kinora.Timeline

Item {
    id: root
    width: 1280
    height: 720

    StoryboardViewModel { id: board }
    TimelinePage { id: page; anchors.fill: parent; storyboard: board }
    SignalSpy { id: projectSpy; target: board; signalName: "projectChanged" }

    TestCase {
        name: "TimelineKeys"
        when: windowShown
        readonly property var vm: page.viewModel

        function findAll(item, name, out) {
            if (item.objectName === name && item.visible)
                out.push(item)
            for (let i = 0; i < item.children.length; ++i)
                findAll(item.children[i], name, out)
            return out
        }
        function clipItem(index) {
            return findAll(page, "timelineClip", []).filter(c => c.clip.index === index)[0]
        }

        function initTestCase() {
            board.openProject("file://" + timelineProject)
            projectSpy.wait(5000)
            verify(board.isOpen, board.errorMessage)
            // 2 s + 2 s + 1 s (not generated) + 2 s at 24 fps, once the takes are probed.
            tryVerify(() => vm.clips.length === 4 && !vm.clips[0].gap && !vm.clips[1].gap && !vm.clips[3].gap, 10000)
            tryCompare(vm, "totalFrames", 168, 10000)
            verify(vm.clips[2].gap)
            tryVerify(() => vm.clips[0].peaks.length >= 90, 10000) // 2 s of waveform at 50 per second
            page.forceActiveFocus()
        }

        function test_1_keysMoveThePlayhead() {
            keyClick(Qt.Key_End)
            compare(vm.position, 167)
            keyClick(Qt.Key_Home)
            compare(vm.position, 0)
            keyClick(Qt.Key_Right)
            keyClick(Qt.Key_Right)
            compare(vm.position, 2)
            keyClick(Qt.Key_Left)
            compare(vm.position, 1)
            keyClick(Qt.Key_Down)
            compare(vm.position, 48)
            compare(vm.currentClip, 1)
            keyClick(Qt.Key_PageDown)
            compare(vm.position, 96)
            compare(vm.currentClip, 2) // the gap
            keyClick(Qt.Key_Down)
            compare(vm.position, 120)
            keyClick(Qt.Key_Right)
            keyClick(Qt.Key_Up) // inside a shot: back to its start
            compare(vm.position, 120)
            keyClick(Qt.Key_PageUp) // at a start: the previous shot
            compare(vm.position, 96)
            keyClick(Qt.Key_End)
            keyClick(Qt.Key_J)
            compare(vm.position, 167 - 24)
            compare(findChild(page, "timeLabel").text, "0:05.23  /  0:07.00")
            keyClick(Qt.Key_Left)
            keyClick(Qt.Key_Left)
            keyClick(Qt.Key_Home)
            keyClick(Qt.Key_Left)
            compare(vm.position, 0) // never before the start
        }

        function test_2_spacePlaysAndPauses() {
            keyClick(Qt.Key_Home)
            keyClick(Qt.Key_Space)
            verify(vm.playing)
            tryVerify(() => vm.position >= 12, 3000) // half a second of film
            keyClick(Qt.Key_Space)
            verify(!vm.playing)
            const stopped = vm.position
            wait(200)
            compare(vm.position, stopped)
            keyClick(Qt.Key_L)
            verify(vm.playing)
            tryVerify(() => vm.position > stopped + 4, 3000)
            keyClick(Qt.Key_K)
            verify(!vm.playing)
        }

        function test_3_trimAtThePlayheadAndUndo() {
            keyClick(Qt.Key_Home)
            keyClick(Qt.Key_Down)
            for (let i = 0; i < 12; ++i)
                keyClick(Qt.Key_Right)
            compare(vm.position, 60)
            keyClick(Qt.Key_I) // shot 2 now starts half a second into its take
            compare(vm.clips[1].trimIn, 0.5)
            compare(vm.totalFrames, 156)
            compare(vm.position, 48)
            compare(board.undoStack.undoText, "Trim shot 2")
            keyClick(Qt.Key_Z, Qt.ControlModifier)
            compare(vm.clips[1].trimIn, 0)
            compare(vm.totalFrames, 168)
            keyClick(Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
            compare(vm.clips[1].trimIn, 0.5)
            compare(vm.totalFrames, 156)
            // O at 12 frames into the trimmed shot: the 23 frames after the playhead go, as 0.9 s.
            for (let i = 0; i < 12; ++i)
                keyClick(Qt.Key_Right)
            compare(vm.position, 60)
            keyClick(Qt.Key_O)
            compare(vm.clips[1].trimIn, 0.5)
            compare(vm.clips[1].trimOut, 0.9)
            compare(vm.clips[1].frameCount, 48 - 12 - 22)
            // Past the 0.5 s minimum the out point stops there instead of moving the in point.
            keyClick(Qt.Key_Home)
            keyClick(Qt.Key_Down)
            keyClick(Qt.Key_Right)
            keyClick(Qt.Key_O)
            compare(vm.clips[1].trimIn, 0.5)
            compare(vm.clips[1].trimOut, 1.0)
            keyClick(Qt.Key_Z, Qt.ControlModifier)
            keyClick(Qt.Key_Z, Qt.ControlModifier)
            keyClick(Qt.Key_Z, Qt.ControlModifier)
            compare(vm.clips[1].trimIn, 0)
            compare(vm.clips[1].trimOut, 0)
        }

        function test_4_dragTrimHandleIsOneUndoStep() {
            waitForRendering(page)
            const clip = clipItem(0)
            verify(clip)
            const handle = findChild(clip, "trimOutHandle")
            verify(handle)
            const steps = board.undoStack.canUndo
            const track = findChild(page, "timelineTrack")
            const px = 12 * clip.pxPerFrame // half a second
            // Coordinates on the track: the handle itself moves with the edge it trims.
            const at = handle.mapToItem(track, 4, handle.height / 2)
            mousePress(track, at.x, at.y)
            for (let i = 1; i <= 6; ++i)
                mouseMove(track, at.x - px * i / 6, at.y)
            mouseRelease(track, at.x - px, at.y)
            tryVerify(() => Math.abs(vm.clips[0].trimOut - 0.5) < 0.11)
            verify(vm.totalFrames < 168)
            keyClick(Qt.Key_Z, Qt.ControlModifier)
            compare(vm.clips[0].trimOut, 0) // the whole drag undone at once
            compare(vm.totalFrames, 168)
        }
    }
}
