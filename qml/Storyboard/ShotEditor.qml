// ShotEditor: every setting of the current shot. Each change is one undoable edit, saved at once;
// typing into the prompt or notes merges into one undo step per field.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kinora.Controls

Rectangle {
    id: editor
    objectName: "shotEditor"
    required property var viewModel
    readonly property var shot: viewModel.currentShot
    readonly property bool hasShot: shot.id !== undefined
    color: Theme.surface

    function focusPrompt() { promptArea.forceActiveFocus() }

    Label {
        anchors.centerIn: parent
        visible: !editor.hasShot
        text: qsTr("Select a shot to edit it.")
        color: Theme.textMuted
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        visible: editor.hasShot
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: scroll.availableWidth - 24
            x: 12
            spacing: 6

            Label {
                Layout.topMargin: 12
                text: qsTr("Shot %1").arg(editor.shot.number || 0)
                color: Theme.text
                font.pixelSize: Theme.titleFontSize
                font.bold: true
            }

            FieldLabel { text: qsTr("Prompt") }
            TextArea {
                id: promptArea
                objectName: "promptArea"
                Layout.fillWidth: true
                Layout.preferredHeight: 110
                wrapMode: TextEdit.Wrap
                placeholderText: qsTr("What happens in this shot: place, people, things, motion…")
                text: editor.shot.prompt || ""
                onTextChanged: if (activeFocus && text !== editor.shot.prompt) editor.viewModel.setShotField("prompt", text)
            }

            FieldLabel { text: qsTr("How Kinora understood it") }
            PlanPanel {
                Layout.fillWidth: true
                planModel: editor.viewModel.plan
            }

            GridLayout {
                Layout.fillWidth: true
                columns: 2
                columnSpacing: 12
                rowSpacing: 4

                FieldLabel { text: qsTr("Duration (seconds)") }
                FieldLabel { text: qsTr("Continuity") }
                SpinBox {
                    id: durationBox
                    objectName: "durationBox"
                    Layout.fillWidth: true
                    from: 10
                    to: 200
                    stepSize: 1
                    editable: true
                    value: Math.round((editor.shot.durationSeconds || 5) * 10)
                    textFromValue: (v, locale) => (v / 10).toFixed(1)
                    valueFromText: (t, locale) => Math.round(parseFloat(t) * 10)
                    validator: DoubleValidator { bottom: 1; top: 20; decimals: 1 }
                    onValueModified: editor.viewModel.setShotField("durationSeconds", value / 10)
                }
                ComboBox {
                    objectName: "continuityBox"
                    Layout.fillWidth: true
                    model: [qsTr("Continue from previous"), qsTr("New scene")]
                    currentIndex: editor.shot.continuity === "new-scene" ? 1 : 0
                    onActivated: index => editor.viewModel.setShotField("continuity", index === 1 ? "new-scene" : "continue")
                }

                FieldLabel { text: qsTr("Camera move") }
                FieldLabel { text: qsTr("Framing") }
                ComboBox {
                    objectName: "cameraBox"
                    Layout.fillWidth: true
                    model: editor.viewModel.cameraOptions
                    currentIndex: model.indexOf(editor.shot.camera)
                    onActivated: index => editor.viewModel.setShotField("camera", model[index])
                }
                ComboBox {
                    objectName: "framingBox"
                    Layout.fillWidth: true
                    model: editor.viewModel.framingOptions
                    currentIndex: model.indexOf(editor.shot.framing)
                    onActivated: index => editor.viewModel.setShotField("framing", model[index])
                }

                FieldLabel { text: qsTr("Style") }
                FieldLabel { text: qsTr("Seed") }
                ComboBox {
                    objectName: "styleBox"
                    Layout.fillWidth: true
                    model: editor.viewModel.styleOptions
                    currentIndex: model.indexOf(editor.shot.style)
                    onActivated: index => editor.viewModel.setShotField("style", model[index])
                }
                RowLayout {
                    Layout.fillWidth: true
                    TextField {
                        objectName: "seedField"
                        Layout.fillWidth: true
                        text: String(editor.shot.seed || "")
                        enabled: !editor.shot.seedLocked
                        validator: IntValidator { bottom: 1; top: 2147483647 }
                        onEditingFinished: editor.viewModel.setShotField("seed", parseInt(text))
                    }
                    CheckBox {
                        objectName: "seedLock"
                        text: qsTr("Lock")
                        checked: editor.shot.seedLocked || false
                        onToggled: editor.viewModel.setShotField("seedLocked", checked)
                        ToolTip.text: qsTr("A locked seed gives the same take every time")
                        ToolTip.visible: hovered
                    }
                    IconButton {
                        text: "⟳"
                        tip: qsTr("New random seed")
                        enabled: !editor.shot.seedLocked
                        onClicked: editor.viewModel.rerollSeed()
                    }
                }
            }

            FieldLabel { text: qsTr("Dialogue"); Layout.topMargin: 6 }
            DialogueEditor {
                Layout.fillWidth: true
                viewModel: editor.viewModel
                lines: editor.shot.dialogue || []
            }

            FieldLabel { text: qsTr("Cameos (up to two)"); Layout.topMargin: 6 }
            RowLayout {
                Layout.fillWidth: true
                Repeater {
                    model: 2
                    TextField {
                        required property int index
                        objectName: "cameoField" + index
                        Layout.fillWidth: true
                        placeholderText: qsTr("@handle")
                        text: editor.shot.cameos ? editor.shot.cameos[index] : ""
                        onEditingFinished: if (text !== editor.shot.cameos[index]) editor.viewModel.setCameo(index, text)
                    }
                }
            }

            FieldLabel { text: qsTr("Takes"); Layout.topMargin: 6 }
            TakesPanel {
                Layout.fillWidth: true
                viewModel: editor.viewModel
                shotId: editor.shot.id || ""
            }

            FieldLabel { text: qsTr("Notes"); Layout.topMargin: 6 }
            TextArea {
                objectName: "notesArea"
                Layout.fillWidth: true
                Layout.preferredHeight: 80
                Layout.bottomMargin: 12
                wrapMode: TextEdit.Wrap
                placeholderText: qsTr("Notes for the crew (not used for generation)")
                text: editor.shot.notes || ""
                onTextChanged: if (activeFocus && text !== editor.shot.notes) editor.viewModel.setShotField("notes", text)
            }
        }
    }
}
