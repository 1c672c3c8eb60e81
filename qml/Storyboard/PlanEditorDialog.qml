// PlanEditorDialog: the current shot's ScenePlan as JSON, edited by hand. It is checked as you
// type (line numbers and field paths in the error); Apply makes it what renders (undoable).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kinora.Controls

Dialog {
    id: dialog
    objectName: "planEditorDialog"
    required property var planModel
    property string problem
    title: qsTr("Edit the shot's plan")
    modal: true
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(760, parent ? parent.width - 80 : 760)
    height: Math.min(720, parent ? parent.height - 80 : 720)
    standardButtons: Dialog.Cancel

    function openWith(json) {
        area.text = json
        problem = ""
        open()
        area.forceActiveFocus()
    }
    function apply() {
        problem = planModel.checkPlan(area.text)
        if (problem.length === 0 && planModel.applyPlan(area.text))
            close()
    }

    Timer {
        id: recheck
        interval: 300
        onTriggered: dialog.problem = dialog.planModel.checkPlan(area.text)
    }

    contentItem: ColumnLayout {
        spacing: 6
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.textMuted
            text: qsTr("Change places, things, positions, colours, actions or the camera. The storyboard keeps "
                       + "the duration, frame rate, size and seed. Once edited, the prompt no longer changes this "
                       + "shot until you reset the plan.")
        }
        ScrollView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            TextArea {
                id: area
                objectName: "planText"
                font.family: "DejaVu Sans Mono"
                font.pixelSize: Theme.smallFontSize
                wrapMode: TextEdit.NoWrap
                selectByMouse: true
                onTextChanged: recheck.restart()
                Keys.onPressed: event => {
                    if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter) && (event.modifiers & Qt.ControlModifier)) {
                        dialog.apply()
                        event.accepted = true
                    }
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            Label {
                objectName: "planProblem"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: dialog.problem.length > 0 ? Theme.danger : Theme.textMuted
                text: dialog.problem.length > 0 ? dialog.problem : qsTr("The plan is valid.")
            }
            Button {
                objectName: "applyPlanButton"
                text: qsTr("Apply (Ctrl+Enter)")
                highlighted: true
                enabled: dialog.problem.length === 0
                onClicked: dialog.apply()
            }
        }
    }
}
