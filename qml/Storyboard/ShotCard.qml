// ShotCard: one shot in the strip: thumbnail area, number, status badge, duration, prompt and
// the shot's camera, framing and style. Click to select (Ctrl toggles, Shift extends), drag to move.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kinora.Controls

Item {
    id: card
    objectName: "shotCard"
    required property int index
    required property string shotId
    required property int number
    required property string prompt
    required property real durationSeconds
    required property real startSeconds
    required property string camera
    required property string framing
    required property string shotStyle
    required property string continuity
    required property int dialogueCount
    required property var cameoNames
    required property bool selected
    required property string status
    property bool current: false

    signal clicked(int index, int modifiers)
    signal dropped(int from, real sceneX, real sceneY)

    width: 232
    height: 200

    Rectangle {
        id: body
        width: card.width - 12
        height: card.height - 12
        x: 6
        y: 6
        radius: Theme.radius
        color: card.selected ? Theme.selection : Theme.surface
        border.width: card.current ? 2 : 1
        border.color: card.current || card.selected ? Theme.accent : Theme.border
        z: dragArea.drag.active ? 10 : 0
        opacity: dragArea.drag.active ? 0.85 : 1

        Drag.active: dragArea.drag.active
        Drag.hotSpot.x: width / 2
        Drag.hotSpot.y: height / 2

        ColumnLayout {
            anchors.fill: parent
            anchors.margins: 6
            spacing: 4

            Rectangle {
                id: thumbnail
                Layout.fillWidth: true
                Layout.preferredHeight: width * 9 / 16
                radius: 4
                gradient: Gradient {
                    GradientStop { position: 0; color: Theme.thumbnailTop }
                    GradientStop { position: 1; color: Theme.thumbnailBottom }
                }
                Label {
                    anchors.left: parent.left
                    anchors.top: parent.top
                    anchors.margins: 6
                    text: card.number
                    font.pixelSize: 22
                    font.bold: true
                    color: "white"
                }
                Label {
                    anchors.centerIn: parent
                    text: qsTr("Not generated")
                    color: Qt.rgba(1, 1, 1, 0.6)
                    font.pixelSize: Theme.smallFontSize
                }
                Rectangle {
                    objectName: "statusBadge"
                    anchors.right: parent.right
                    anchors.top: parent.top
                    anchors.margins: 6
                    radius: 3
                    color: Qt.rgba(0, 0, 0, 0.55)
                    width: badgeText.implicitWidth + 10
                    height: badgeText.implicitHeight + 4
                    Label {
                        id: badgeText
                        anchors.centerIn: parent
                        text: card.status === "draft" ? qsTr("Draft") : card.status
                        color: Theme.warning
                        font.pixelSize: Theme.smallFontSize
                    }
                }
                Label {
                    anchors.right: parent.right
                    anchors.bottom: parent.bottom
                    anchors.margins: 6
                    text: card.durationSeconds.toFixed(1) + " s"
                    color: "white"
                    font.pixelSize: Theme.smallFontSize
                    font.bold: true
                }
                Label {
                    visible: card.continuity === "new-scene"
                    anchors.left: parent.left
                    anchors.bottom: parent.bottom
                    anchors.margins: 6
                    text: qsTr("New scene")
                    color: "white"
                    font.pixelSize: Theme.smallFontSize
                }
            }
            Label {
                objectName: "shotPrompt"
                Layout.fillWidth: true
                Layout.fillHeight: true
                text: card.prompt.length > 0 ? card.prompt : qsTr("Describe this shot…")
                color: card.prompt.length > 0 ? Theme.text : Theme.textMuted
                font.pixelSize: Theme.fontSize - 1
                wrapMode: Text.Wrap
                elide: Text.ElideRight
                maximumLineCount: 2
            }
            Label {
                Layout.fillWidth: true
                text: [card.camera, card.framing, card.shotStyle].join(" · ")
                      + (card.dialogueCount > 0 ? "  · " + (card.dialogueCount === 1 ? qsTr("1 line") : qsTr("%1 lines").arg(card.dialogueCount)) : "")
                      + (card.cameoNames.length > 0 ? "  " + card.cameoNames.join(" ") : "")
                color: Theme.textMuted
                font.pixelSize: Theme.smallFontSize
                elide: Text.ElideRight
            }
        }

        MouseArea {
            id: dragArea
            anchors.fill: parent
            drag.target: body
            drag.threshold: 12
            onClicked: mouse => card.clicked(card.index, mouse.modifiers)
            onReleased: {
                if (drag.active || body.x !== 6 || body.y !== 6) {
                    const p = body.mapToItem(null, body.width / 2, body.height / 2)
                    body.x = 6
                    body.y = 6
                    card.dropped(card.index, p.x, p.y)
                }
            }
        }
    }
}
