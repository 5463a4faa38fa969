import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload, type UploadFile } from 'antd';

/** Picks one CSV or XLSX file to send later with the form; choosing another file replaces it. */
export function SpreadsheetPicker(props: {
  files: UploadFile[];
  onChange: (files: UploadFile[]) => void;
  label: string;
  testId: string;
}) {
  return (
    <Upload
      accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      maxCount={1}
      fileList={props.files}
      beforeUpload={() => false}
      onChange={({ fileList }) => props.onChange(fileList.slice(-1))}
      data-testid={props.testId}
    >
      <Button icon={<UploadOutlined />}>{props.label}</Button>
    </Upload>
  );
}
