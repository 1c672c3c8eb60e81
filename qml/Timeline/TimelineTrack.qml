// TimelineTrack: time ruler, the clips (pictures above, sound below) and the playhead. Press or
// drag on the ruler to scrub; drag a clip's edge to trim it.
import QtQuick
import QtQuick.Controls
import Kinora.Controls

Rectangle {
    id: track
    objectName: "timelineTrack"
    required property var viewModel
    property real zoom: 1
    readonly property int total: Math.max(1, viewModel.totalFrames)
    readonly property real pxPerFrame: Math.max(0.05, (width - 24) / total * zoom)
    readonly property real playheadX: viewModel.position * pxPerFrame
    readonly property int rulerHeight: 26
    color: Theme.surface

    // Ticks at least ~70 px apart, on whole seconds (or frames when zoomed far in).
    readonly property real tickFrames: {
        const fps = Math.max(1, viewModel.fps)
        const steps = [1, 2, 6, fps / 2, fps, 2 * fps, 5 * fps, 10 * fps, 30 * fps, 60 * fps, 300 * fps]
        for (const s of steps)
            if (s * pxPerFrame >= 70)
                return s
        return 600 * fps
    }

    function frameAt(x) { return Math.round(x / pxPerFrame) }

    Flickable {
        id: flick
        anchors.fill: parent
        anchors.leftMargin: 12
        anchors.rightMargin: 12
        contentWidth: Math.max(width, track.total * track.pxPerFrame + 1)
        contentHeight: height
        clip: true
        flickableDirection: Flickable.HorizontalFlick
        boundsBehavior: Flickable.StopAtBounds
        interactive: false
        ScrollBar.horizontal: ScrollBar { policy: track.zoom > 1 ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded }

        Item {
            id: ruler
            objectName: "ruler"
            width: flick.contentWidth
            height: track.rulerHeight
            Repeater {
                model: Math.ceil(track.total / track.tickFrames) + 1
                Item {
                    required property int index
                    x: index * track.tickFrames * track.pxPerFrame
                    height: ruler.height
                    Rectangle { width: 1; height: 8; anchors.bottom: parent.bottom; color: Theme.textMuted }
                    Label {
                        x: 3
                        y: 2
                        text: track.viewModel.formatTime(index * track.tickFrames)
                        font.pixelSize: Theme.smallFontSize
                        color: Theme.textMuted
                    }
                }
            }
            MouseArea {
                objectName: "rulerScrub"
                anchors.fill: parent
                preventStealing: true
                cursorShape: Qt.IBeamCursor
                onPressed: mouse => track.viewModel.seekFrame(track.frameAt(mouse.x))
                onPositionChanged: mouse => { if (pressed) track.viewModel.seekFrame(track.frameAt(mouse.x)) }
            }
        }

        Repeater {
            // The count, not the list, is the model: delegates survive edits (a trim drag in progress).
            model: track.viewModel.clips.length
            TimelineClip {
                required property int index
                clip: track.viewModel.clips[index] || ({})
                viewModel: track.viewModel
                pxPerFrame: track.pxPerFrame
                current: track.viewModel.currentClip === index
                y: track.rulerHeight + 6
                height: track.height - track.rulerHeight - 20
            }
        }

        Rectangle {
            objectName: "playhead"
            x: track.playheadX
            width: 2
            height: flick.contentHeight
            color: Theme.accent
            Rectangle { x: -5; width: 12; height: 10; radius: 2; color: Theme.accent }
        }
    }

    // Keep the playhead in view while playing and after jumps.
    onPlayheadXChanged: {
        if (playheadX < flick.contentX || playheadX > flick.contentX + flick.width - 20)
            flick.contentX = Math.max(0, Math.min(flick.contentWidth - flick.width, playheadX - flick.width * 0.2))
    }

    WheelHandler {
        acceptedModifiers: Qt.ControlModifier
        onWheel: event => track.zoom = Math.max(1, Math.min(64, track.zoom * (event.angleDelta.y > 0 ? 1.25 : 0.8)))
    }
    WheelHandler {
        acceptedModifiers: Qt.NoModifier
        onWheel: event => flick.contentX = Math.max(0, Math.min(flick.contentWidth - flick.width,
                                                                flick.contentX - event.angleDelta.y - event.angleDelta.x))
    }
}
