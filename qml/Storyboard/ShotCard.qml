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
    property var genStatus: ({ state: "draft" })
    readonly property string genState: genStatus.state || "draft"

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
                Image {
                    objectName: "poster"
                    anchors.fill: parent
                    visible: source.toString().length > 0
                    source: card.genStatus.poster || ""
                    fillMode: Image.PreserveAspectCrop
                    asynchronous: true
                    cache: false
                }
                Label {
                    anchors.centerIn: parent
                    visible: !(card.genStatus.poster)
                    text: card.genState === "running"
                          ? (card.genStatus.stage === "render" ? qsTr("Rendering %1%").arg(Math.round(card.genStatus.progress * 100))
                                                              : qsTr("Simulating…"))
                          : card.genState === "queued" ? qsTr("Waiting in the queue")
                          : card.genState === "failed" ? qsTr("Failed: %1").arg(card.genStatus.error || "")
                          : qsTr("Not generated")
                    color: card.genState === "failed" ? Theme.danger : Qt.rgba(1, 1, 1, 0.75)
                    font.pixelSize: Theme.smallFontSize
                    width: parent.width - 16
                    horizontalAlignment: Text.AlignHCenter
                    elide: Text.ElideRight
                }
                Rectangle {
                    objectName: "progressBar"
                    visible: card.genState === "running"
                    anchors.left: parent.left
                    anchors.bottom: parent.bottom
                    height: 4
                    width: parent.width * (card.genStatus.progress || 0)
                    color: Theme.accent
                }
                Label {
                    visible: card.genState === "running" && card.genStatus.etaSeconds !== undefined
                    anchors.centerIn: parent
                    anchors.verticalCenterOffset: 18
                    text: qsTr("about %1 s left").arg(Math.ceil(card.genStatus.etaSeconds || 0))
                    color: "white"
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
                        text: ({ draft: qsTr("Draft"), queued: qsTr("Queued"), running: qsTr("Generating"),
                                 done: qsTr("Ready"), failed: qsTr("Failed"), cancelled: qsTr("Cancelled") })[card.genState]
                              + (card.genStatus.takes > 1 ? " · " + qsTr("%1 takes").arg(card.genStatus.takes) : "")
                        color: card.genState === "done" ? Theme.success
                             : card.genState === "failed" ? Theme.danger
                             : card.genState === "running" || card.genState === "queued" ? Theme.accent : Theme.warning
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
