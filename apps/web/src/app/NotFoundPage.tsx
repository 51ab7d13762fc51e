import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

export function NotFoundPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      // The page's one h1 (issue 21 point 2), drawn as the Result's title always was.
      title={<h1 style={{ font: 'inherit', margin: 0 }}>页面不存在</h1>}
      subTitle="您访问的页面不存在或尚未开放。"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
}
