// TakesPanel: the generated takes of the current shot; pick the hero take, or regenerate the
// shot (a new take with a new seed unless the seed is locked) without touching other shots.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kinora.Controls

ColumnLayout {
    id: panel
    required property var viewModel
    property string shotId
    readonly property var takes: { viewModel.generation.revision; return viewModel.generation.takesFor(shotId) }
    readonly property var status: { viewModel.generation.revision; return viewModel.generation.statusFor(shotId) }
    spacing: 6

    Label {
        visible: panel.takes.length === 0
        text: panel.status.state === "failed" ? qsTr("Generation failed: %1").arg(panel.status.error)
                                              : qsTr("No takes yet. Generate the shot (Ctrl+G).")
        color: panel.status.state === "failed" ? Theme.danger : Theme.textMuted
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Flow {
        Layout.fillWidth: true
        spacing: 6
        Repeater {
            model: panel.takes
            delegate: Rectangle {
                required property var modelData
                required property int index
                width: 120
                height: 90
                radius: 4
                color: Theme.surfaceRaised
                border.width: modelData.hero ? 2 : 1
                border.color: modelData.hero ? Theme.accent : Theme.border
                Image {
                    anchors.fill: parent
                    anchors.margins: 3
                    source: modelData.poster
                    fillMode: Image.PreserveAspectCrop
                    asynchronous: true
                }
                Label {
                    anchors.left: parent.left
                    anchors.bottom: parent.bottom
                    anchors.margins: 5
                    text: (modelData.hero ? "★ " : "") + qsTr("Take %1").arg(index + 1)
                    color: "white"
                    style: Text.Outline
                    styleColor: "black"
                    font.pixelSize: Theme.smallFontSize
                }
                MouseArea {
                    anchors.fill: parent
                    onClicked: panel.viewModel.generation.setHeroTake(modelData.id)
                    ToolTip.visible: containsMouse
                    ToolTip.text: qsTr("Use this take in the film (seed %1)").arg(modelData.seed)
                    hoverEnabled: true
                }
            }
        }
    }
    Repeater {
        // The hero take's notes from generation: lines that did not fit, languages not known.
        model: {
            const hero = panel.takes.find(t => t.hero)
            return hero && hero.notes ? hero.notes : []
        }
        delegate: Label {
            required property var modelData
            objectName: "takeNote"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: modelData
            // Problems with a line (too long, unknown language) stand out; the rest is a report.
            color: modelData.startsWith("Line ") ? Theme.warning : Theme.textMuted
            font.pixelSize: Theme.smallFontSize
        }
    }
    Button {
        objectName: "regenerateButton"
        text: panel.takes.length > 0 ? qsTr("Regenerate (new take)") : qsTr("Generate")
        enabled: panel.shotId.length > 0
        onClicked: panel.takes.length > 0 ? panel.viewModel.generation.regenerate(panel.shotId)
                                          : panel.viewModel.generation.generateSelected()
    }
}
