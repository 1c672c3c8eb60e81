// TimelineClip: one shot on the track: poster thumbnails and the waveform of its hero take (or
// its prompt when not generated yet), with trim handles on both edges.
import QtQuick
import QtQuick.Controls
import Kinora.Controls
import Kinora.Timeline

Item {
    id: item
    objectName: "timelineClip"
    required property var clip
    required property var viewModel
    required property real pxPerFrame
    property bool current: false
    readonly property bool gap: clip.gap === true
    x: (clip.startFrame || 0) * pxPerFrame
    width: Math.max(2, (clip.frameCount || 0) * pxPerFrame)

    Rectangle {
        id: body
        anchors.fill: parent
        anchors.rightMargin: 1
        radius: 3
        clip: true
        color: item.gap ? "transparent" : Theme.surfaceRaised
        border.width: item.current ? 2 : 1
        border.color: item.current ? Theme.accent : Theme.border

        // Gap: a dashed outline with the prompt, so the missing shot is obvious.
        Canvas {
            anchors.fill: parent
            visible: item.gap
            onWidthChanged: requestPaint()
            onPaint: {
                const ctx = getContext("2d")
                ctx.reset()
                ctx.strokeStyle = Theme.textMuted
                ctx.setLineDash([4, 4])
                ctx.strokeRect(1, 1, width - 2, height - 2)
            }
        }
        Label {
            visible: item.gap
            anchors.fill: parent
            anchors.margins: 6
            text: qsTr("Not generated: %1").arg(item.clip.prompt || qsTr("(no prompt)"))
            wrapMode: Text.Wrap
            elide: Text.ElideRight
            color: Theme.textMuted
            font.pixelSize: Theme.smallFontSize
        }

        Row {
            id: thumbs
            visible: !item.gap && (item.clip.poster || "").length > 0
            x: 1
            y: 1
            height: body.height * 0.6
            readonly property real tileWidth: height * 16 / 9
            Repeater {
                model: thumbs.visible ? Math.max(1, Math.ceil(body.width / thumbs.tileWidth)) : 0
                Image {
                    width: thumbs.tileWidth
                    height: thumbs.height
                    source: item.clip.poster || ""
                    fillMode: Image.PreserveAspectCrop
                    asynchronous: true
                    sourceSize.height: 96
                }
            }
        }
        Label {
            visible: !item.gap
            x: 4
            y: 3
            text: (item.clip.index + 1) + (item.clip.trimIn > 0 || item.clip.trimOut > 0 ? " ✂" : "")
            color: "white"
            style: Text.Outline
            styleColor: "black"
            font.pixelSize: Theme.smallFontSize
            font.bold: true
        }
        WaveformItem {
            visible: !item.gap
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            height: body.height * 0.4 - 2
            peaks: item.clip.peaks || []
            from: item.clip.from || 0
            to: item.clip.to || 1
            color: Theme.success
        }
    }

    MouseArea {
        anchors.fill: parent
        acceptedButtons: Qt.LeftButton
        onClicked: mouse => item.viewModel.seekFrame(item.clip.startFrame + Math.round(mouse.x / item.pxPerFrame))
    }

    // Trim handles: dragging moves the clip's edge; the whole drag is one undo step.
    component TrimHandle: Rectangle {
        id: handle
        property bool isIn: true
        property real pressX: 0
        property real startIn: 0
        property real startOut: 0
        width: 8
        height: parent.height
        radius: 2
        color: area.containsMouse || area.pressed ? Theme.warning : "transparent"
        MouseArea {
            id: area
            anchors.fill: parent
            anchors.margins: -2
            hoverEnabled: true
            preventStealing: true
            cursorShape: Qt.SizeHorCursor
            onPressed: mouse => {
                handle.pressX = mapToItem(null, mouse.x, 0).x
                handle.startIn = item.clip.trimIn
                handle.startOut = item.clip.trimOut
            }
            onPositionChanged: mouse => {
                if (!pressed)
                    return
                const seconds = (mapToItem(null, mouse.x, 0).x - handle.pressX) / item.pxPerFrame / item.viewModel.fps
                const delta = Math.round(seconds * 10) / 10
                if (handle.isIn)
                    item.viewModel.trimClip(item.clip.index, Math.max(0, handle.startIn + delta), handle.startOut, true)
                else
                    item.viewModel.trimClip(item.clip.index, handle.startIn, Math.max(0, handle.startOut - delta), true)
            }
            onReleased: item.viewModel.endTrimDrag()
        }
    }
    TrimHandle { objectName: "trimInHandle"; isIn: true; anchors.left: parent.left; visible: item.width > 20 }
    TrimHandle { objectName: "trimOutHandle"; isIn: false; anchors.right: parent.right; visible: item.width > 20 }
}
