// TimelinePage: the storyboard played as one film: viewer, transport and the track with trims.
// Keys: Space, J/K/L, Left/Right (frame), Up/Down and PageUp/PageDown (shot), Home/End, I/O.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtMultimedia
import Kinora.Controls
import Kinora.Timeline

FocusScope {
    id: page
    objectName: "timelinePage"
    required property var storyboard
    readonly property alias viewModel: vm

    readonly property var shortcutList: [
        [qsTr("Play / pause"), "Space, K"],
        [qsTr("Play / back one second"), "L, J"],
        [qsTr("Previous / next frame"), "Left, Right"],
        [qsTr("Previous / next shot"), "Up, Down, PageUp, PageDown"],
        [qsTr("Start / end of the film"), "Home, End"],
        [qsTr("Trim the current shot to start / end at the playhead"), "I, O"]
    ]

    onVisibleChanged: if (visible) forceActiveFocus()

    TimelineViewModel {
        id: vm
        storyboard: page.storyboard
        videoSink: video.videoSink
    }

    Rectangle { anchors.fill: parent; color: Theme.background }

    Label {
        anchors.centerIn: parent
        visible: !page.storyboard.isOpen
        text: qsTr("Open or create a project to see its film here.")
        color: Theme.textMuted
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        visible: page.storyboard.isOpen

        Rectangle {
            id: viewer
            objectName: "viewer"
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: "black"
            readonly property var clip: vm.currentClip >= 0 ? vm.clips[vm.currentClip] : undefined
            readonly property bool inGap: clip !== undefined && clip.gap

            VideoOutput {
                id: video
                anchors.fill: parent
                anchors.margins: Theme.spacing
                visible: !viewer.inGap
            }
            ColumnLayout {
                objectName: "gapCard"
                anchors.centerIn: parent
                width: Math.min(parent.width - 80, 560)
                visible: viewer.inGap || vm.totalFrames === 0
                Label {
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    color: "#b0b6c4"
                    text: vm.totalFrames === 0 ? qsTr("The storyboard has no shots yet.")
                                               : qsTr("Shot %1 is not generated yet").arg(vm.currentClip + 1)
                    font.pixelSize: Theme.titleFontSize
                }
                Label {
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    color: "#8a91a3"
                    text: viewer.clip ? viewer.clip.prompt : ""
                    maximumLineCount: 4
                    elide: Text.ElideRight
                }
            }
            Label {
                anchors.left: parent.left
                anchors.bottom: parent.bottom
                anchors.margins: Theme.spacing * 2
                visible: vm.message.length > 0
                text: vm.message
                color: Theme.warning
                wrapMode: Text.Wrap
                width: parent.width * 0.6
            }
        }

        TransportBar {
            Layout.fillWidth: true
            viewModel: vm
            onZoomRequested: factor => track.zoom = Math.max(1, Math.min(64, track.zoom * factor))
            onFitRequested: track.zoom = 1
        }

        TimelineTrack {
            id: track
            Layout.fillWidth: true
            Layout.preferredHeight: 190
            viewModel: vm
        }
    }

    Keys.onPressed: event => {
        const ctrl = event.modifiers & Qt.ControlModifier
        const shift = event.modifiers & Qt.ShiftModifier
        let handled = true
        if (ctrl && event.key === Qt.Key_Z)
            shift ? vm.redo() : vm.undo()
        else if (ctrl && event.key === Qt.Key_Y)
            vm.redo()
        else if (ctrl)
            handled = false
        else if (event.key === Qt.Key_Space || event.key === Qt.Key_K && vm.playing)
            vm.togglePlay()
        else if (event.key === Qt.Key_K)
            vm.pause()
        else if (event.key === Qt.Key_L)
            vm.play()
        else if (event.key === Qt.Key_J)
            vm.backOneSecond()
        else if (event.key === Qt.Key_Left)
            vm.stepFrames(shift ? -vm.fps : -1)
        else if (event.key === Qt.Key_Right)
            vm.stepFrames(shift ? vm.fps : 1)
        else if (event.key === Qt.Key_Up || event.key === Qt.Key_PageUp)
            vm.previousShot()
        else if (event.key === Qt.Key_Down || event.key === Qt.Key_PageDown)
            vm.nextShot()
        else if (event.key === Qt.Key_Home)
            vm.home()
        else if (event.key === Qt.Key_End)
            vm.end()
        else if (event.key === Qt.Key_I)
            vm.setInAtPlayhead()
        else if (event.key === Qt.Key_O)
            vm.setOutAtPlayhead()
        else
            handled = false
        event.accepted = handled
    }
}
