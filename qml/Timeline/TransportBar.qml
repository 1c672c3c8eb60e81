// TransportBar: play/pause, frame and shot steps, the time readout and the track zoom.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kinora.Controls

ToolBar {
    id: bar
    required property var viewModel
    signal zoomRequested(real factor)
    signal fitRequested()
    focusPolicy: Qt.NoFocus
    background: Rectangle { color: Theme.surface; Rectangle { width: parent.width; height: 1; color: Theme.border } }

    RowLayout {
        anchors.fill: parent
        spacing: 2
        IconButton { text: "⇤"; tip: qsTr("Start of the film (Home)"); focusPolicy: Qt.NoFocus; onClicked: bar.viewModel.home() }
        IconButton { text: "◂◂"; tip: qsTr("Previous shot (Up)"); focusPolicy: Qt.NoFocus; onClicked: bar.viewModel.previousShot() }
        IconButton { text: "◂"; tip: qsTr("Previous frame (Left)"); focusPolicy: Qt.NoFocus; onClicked: bar.viewModel.stepFrames(-1) }
        IconButton {
            objectName: "playButton"
            text: bar.viewModel.playing ? "❚❚" : "▶"
            tip: bar.viewModel.playing ? qsTr("Pause (Space)") : qsTr("Play (Space)")
            focusPolicy: Qt.NoFocus
            onClicked: bar.viewModel.togglePlay()
        }
        IconButton { text: "▸"; tip: qsTr("Next frame (Right)"); focusPolicy: Qt.NoFocus; onClicked: bar.viewModel.stepFrames(1) }
        IconButton { text: "▸▸"; tip: qsTr("Next shot (Down)"); focusPolicy: Qt.NoFocus; onClicked: bar.viewModel.nextShot() }
        IconButton { text: "⇥"; tip: qsTr("End of the film (End)"); focusPolicy: Qt.NoFocus; onClicked: bar.viewModel.end() }
        Label {
            objectName: "timeLabel"
            Layout.leftMargin: Theme.spacing * 2
            text: bar.viewModel.positionText + "  /  " + bar.viewModel.totalText
            font.family: "monospace"
            font.pixelSize: Theme.fontSize + 1
            color: Theme.text
        }
        Label {
            Layout.leftMargin: Theme.spacing
            text: bar.viewModel.currentClip >= 0 ? qsTr("Shot %1 of %2").arg(bar.viewModel.currentClip + 1).arg(bar.viewModel.clips.length) : ""
            color: Theme.textMuted
        }
        Item { Layout.fillWidth: true }
        Label {
            visible: !bar.viewModel.audioDevice
            text: qsTr("No sound device: playing silently")
            color: Theme.textMuted
            font.pixelSize: Theme.smallFontSize
        }
        IconButton { text: "−"; tip: qsTr("Zoom out"); focusPolicy: Qt.NoFocus; onClicked: bar.zoomRequested(0.5) }
        IconButton { text: qsTr("Fit"); tip: qsTr("Whole film in view"); focusPolicy: Qt.NoFocus; onClicked: bar.fitRequested() }
        IconButton { text: "+"; tip: qsTr("Zoom in"); focusPolicy: Qt.NoFocus; onClicked: bar.zoomRequested(2) }
    }
}
